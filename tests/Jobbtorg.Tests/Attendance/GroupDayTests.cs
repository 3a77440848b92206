using System.Net;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Attendance.AttendanceKit;

namespace Jobbtorg.Tests.Attendance;

/// <summary>The group day view for a busy coach: whose participants and which activity it shows, how two people with
/// one name are told apart, what the save says it sent; the provider's first screen and the links back to where a user
/// starts. Today is Tue 10 March 2026.</summary>
[Collection(AttendanceCollection.Name)]
[Trait("Category", "Http")]
public sealed class GroupDayTests(JobbtorgAppFactory app)
{
    private readonly AttendanceKit kit = new(app);
    private static readonly DateOnly Enrolled = new(2026, 2, 2);
    private static readonly DateOnly Monday = new(2026, 3, 9);

    private static bool Shows(string page, int caseId) => page.Contains($"data-case=\"{caseId}\"");

    private static string Selected(string page, string select) =>
        Regex.Match(page, $"<select id=\"{select}\"[^>]*>(.*?)</select>", RegexOptions.Singleline) is { Success: true } m
        && Regex.Match(m.Groups[1].Value, "<option value=\"([^\"]*)\" selected=\"selected\"") is { Success: true } o
            ? o.Groups[1].Value : "";

    private static List<string> Options(string page, string select) =>
        Regex.Matches(Regex.Match(page, $"<select id=\"{select}\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value,
            "<option value=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task A_coach_starts_with_their_own_participants_and_may_choose_all_or_a_colleagues()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var colleague = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Kollega Karlsson");
        var mine = await kit.CaseAsync(Enrolled, [new("internship", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        var theirs = await kit.CaseAsync(Enrolled, [new("internship", Enrolled.AddDays(1))], coach: colleague.UserName!);
        var coach = await app.SignInAsync(coachUser);

        var first = await coach.GetStringAsync($"/Attendance?activity=internship&date={D(Monday)}");
        Assert.True(Shows(first, mine));
        Assert.False(Shows(first, theirs));
        Assert.Equal(coachUser.Id, Selected(first, "coach"));
        Assert.Contains("Mina deltagare", first);
        Assert.Contains("Deltagare hos Kollega Karlsson", first);

        var all = await coach.GetStringAsync($"/Attendance?activity=internship&date={D(Monday)}&coach=all");
        Assert.True(Shows(all, mine) && Shows(all, theirs));
        Assert.Equal("all", Selected(all, "coach"));

        var colleagues = await coach.GetStringAsync($"/Attendance?activity=internship&date={D(Monday)}&coach={colleague.Id}");
        Assert.True(Shows(colleagues, theirs));
        Assert.False(Shows(colleagues, mine));

        // A coach nobody knows, or one from another centre, is refused with a message, not a crash, and shows nobody.
        var kista = await app.CreateUserAsync(Roles.Coach, centre: "kista");
        foreach (var unknown in new[] { "no-such-coach", kista.Id, new string('x', 5000) })
        {
            var refused = await coach.GetAsync($"/Attendance?activity=internship&date={D(Monday)}&coach={unknown}");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Välj en jobbcoach i listan, eller alla deltagare.", html);
            Assert.False(Shows(html, mine) || Shows(html, theirs));
        }

        // A manager keeps no caseload of their own and starts with everyone.
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var managers = await manager.GetStringAsync($"/Attendance?activity=internship&date={D(Monday)}");
        Assert.True(Shows(managers, mine) && Shows(managers, theirs));
        Assert.Equal("all", Selected(managers, "coach"));
        Assert.DoesNotContain("Mina deltagare", managers);
    }

    [Fact]
    public async Task The_activity_filter_shows_that_activitys_participants_opens_the_first_with_any_and_refuses_an_unknown_one()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var intern = await kit.CaseAsync(Enrolled, [new("internship", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        var group = await kit.CaseAsync(Enrolled, [new("start-up-group", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        var coach = await app.SignInAsync(coachUser);

        // Without an activity: the first in the catalogue that has participants (the weekly start-up group, before the
        // internship); those without participants come last in the list, each with its count.
        var first = await coach.GetStringAsync($"/Attendance?date={D(Monday)}");
        Assert.Equal("start-up-group", Selected(first, "activity"));
        Assert.True(Shows(first, group));
        Assert.False(Shows(first, intern));
        var options = Options(first, "activity");
        Assert.Equal(["start-up-group", "internship"], options.Take(2));
        Assert.True(options.IndexOf("internship") < options.IndexOf("active-job-search"));
        Assert.Contains("Praktik (1)", first);
        Assert.Contains("Aktivt jobbsökande på jobbtorget (0)", first);

        var interns = await coach.GetStringAsync($"/Attendance?activity=internship&date={D(Monday)}");
        Assert.Equal("internship", Selected(interns, "activity"));
        Assert.True(Shows(interns, intern));
        Assert.False(Shows(interns, group));

        // An activity that does not exist or has no daily attendance is refused with a message and shows nobody.
        foreach (var unknown in new[] { "knitting", "employer-matching" })
        {
            var refused = await coach.GetAsync($"/Attendance?activity={unknown}&date={D(Monday)}");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Välj en aktivitet som kräver daglig närvaro.", html);
            Assert.False(Shows(html, intern) || Shows(html, group));
        }
    }

    [Fact]
    public async Task Names_that_repeat_in_the_group_show_the_birth_year_and_others_do_not()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var first = await kit.CaseAsync(Enrolled, [new("language-internship", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        var second = await kit.CaseAsync(Enrolled, [new("language-internship", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        var other = await kit.CaseAsync(Enrolled, [new("language-internship", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        var year1 = await kit.NameAsync(first, "Abdi", "Ali");
        var year2 = await kit.NameAsync(second, "Abdi", "Ali");
        await kit.NameAsync(other, "Sara", "Berg");
        var coach = await app.SignInAsync(coachUser);

        var page = await coach.GetStringAsync($"/Attendance?activity=language-internship&date={D(Monday)}");
        Assert.Matches($"data-case=\"{first}\"[^>]*>\\s*<th scope=\"row\">Abdi Ali \\(f\\. {year1}\\)</th>", page);
        Assert.Matches($"data-case=\"{second}\"[^>]*>\\s*<th scope=\"row\">Abdi Ali \\(f\\. {year2}\\)</th>", page);
        Assert.Matches($"data-case=\"{other}\"[^>]*>\\s*<th scope=\"row\">Sara Berg</th>", page);

        // Alone in the group, the name needs no birth year.
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == second).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosureDate, Monday)));
        var afterClosure = await coach.GetStringAsync($"/Attendance?activity=language-internship&date={D(Monday)}");
        Assert.False(Shows(afterClosure, second));
        Assert.Matches($"data-case=\"{first}\"[^>]*>\\s*<th scope=\"row\">Abdi Ali</th>", afterClosure);
    }

    [Fact]
    public async Task The_save_says_which_unexcused_absences_were_reported_to_which_district_and_keeps_the_filters()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var consenting = await kit.CaseAsync(Enrolled, [new("communication-course", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        var withoutConsent = await kit.CaseAsync(Enrolled, [new("communication-course", Enrolled.AddDays(1))], consent: false, coach: coachUser.UserName!);
        var present = await kit.CaseAsync(Enrolled, [new("communication-course", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        var year1 = await kit.NameAsync(consenting, "Abdi", "Ali");
        var year2 = await kit.NameAsync(withoutConsent, "Abdi", "Ali");
        await kit.NameAsync(present, "Sara", "Berg");
        var type = await kit.ActivityTypeIdAsync("communication-course");
        var coach = await app.SignInAsync(coachUser);
        var url = $"/Attendance?activity=communication-course&date={D(Monday)}";
        var form = Form("communication-course", Monday,
            Row(0, consenting, Monday, type, "UnexcusedAbsence"), Row(1, withoutConsent, Monday, type, "UnexcusedAbsence"),
            Row(2, present, Monday, type, "Present"));
        form["coach"] = coachUser.Id;

        var saved = await coach.SubmitFormAsync(url, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        Assert.Contains("activity=communication-course", location);
        Assert.Contains($"date={D(Monday)}", location);
        Assert.Contains($"coach={coachUser.Id}", location);

        var after = await coach.GetStringAsync(location);
        var notice = Regex.Match(after, "<p class=\"notice\" role=\"status\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"Ogiltig frånvaro för Abdi Ali (f. {year1}) rapporterades till Enskede-Årsta-Vantör.", notice);
        Assert.Contains($"Ogiltig frånvaro för Abdi Ali (f. {year2}) rapporterades till Enskede-Årsta-Vantör, utan uppgifter eftersom samtycke till informationsutbyte saknas.", notice);
        Assert.DoesNotContain("Sara Berg", notice);
        // The filters keep their values after the save.
        Assert.Equal(coachUser.Id, Selected(after, "coach"));
        Assert.Equal("communication-course", Selected(after, "activity"));
        Assert.Single(await kit.MessagesAsync(consenting, MessageKind.UnexcusedAbsence));
        Assert.Single(await kit.MessagesAsync(withoutConsent, MessageKind.UnexcusedAbsence));

        // Saved again, nothing new is reported, and the message does not say so.
        var again = await coach.SubmitFormAsync(url, form);
        var unchanged = await coach.GetStringAsync(again.Headers.Location!.OriginalString);
        Assert.DoesNotContain("rapporterades", Regex.Match(unchanged, "<p class=\"notice\" role=\"status\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
        Assert.Single(await kit.MessagesAsync(consenting, MessageKind.UnexcusedAbsence));
    }

    [Fact]
    public async Task The_participants_attendance_page_links_back_by_name_and_case_number()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var id = await kit.CaseAsync(Enrolled, [new("internship", Enrolled.AddDays(1))], coach: coachUser.UserName!);
        await kit.NameAsync(id, "Abdi", "Ali");
        var caseRef = await kit.CaseRefAsync(id);
        var coach = await app.SignInAsync(coachUser);

        var page = await coach.GetStringAsync($"/Attendance/Case/{id}");
        Assert.Contains($"<a href=\"/Cases/Details/{id}\" data-testid=\"back-to-case\">← Tillbaka till Abdi Ali ({caseRef})</a>", page);
    }

    [Fact]
    public async Task A_providers_first_screen_opens_an_activity_with_participants_and_leads_back_to_attendance()
    {
        const string city = "2120000142";
        var own = await kit.CaseAsync(Enrolled, [new("vocational-training", Enrolled.AddDays(1), ProviderOrganisationNumber: city)]);
        var user = await app.CreateUserAsync(Roles.Provider, name: "Anordnare Stad");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.ProviderId = (await db.Providers.SingleAsync(p => p.OrganisationNumber == city)).Id;
            return await db.SaveChangesAsync();
        });
        var provider = await app.SignInAsync(user);

        // The first screen: today, and the provider's one activity with participants rather than the catalogue's first.
        var start = await provider.GetAsync("/");
        Assert.Equal("/Attendance", start.Headers.Location?.OriginalString);
        var page = await provider.GetStringAsync("/Attendance");
        Assert.Equal("vocational-training", Selected(page, "activity"));
        Assert.True(Shows(page, own));
        Assert.DoesNotContain("data-testid=\"nobody\"", page);
        Assert.Equal("vocational-training", Options(page, "activity")[0]);
        Assert.DoesNotContain("id=\"coach\"", page);

        // Where access is denied, the way back is the start page the provider has, not My work.
        var denied = await provider.GetStringAsync("/Account/AccessDenied");
        Assert.Contains("<a href=\"/Attendance\" data-testid=\"back-to-start\">Tillbaka till Närvaro</a>", denied);
        Assert.DoesNotContain("Mitt arbete", denied);
        var forbidden = await provider.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("<a href=\"/Attendance\" data-testid=\"back-to-start\">Tillbaka till Närvaro</a>", await forbidden.Content.ReadAsStringAsync());

        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Contains("<a href=\"/\" data-testid=\"back-to-start\">Tillbaka till Mitt arbete</a>", await coach.GetStringAsync("/Account/AccessDenied"));
    }

    [Fact]
    public async Task The_saved_plan_shows_the_provider_chosen_for_each_activity_the_job_centre_included()
    {
        const string school = "5599000006";
        var id = await kit.CaseAsync(Enrolled, [new("internship", Enrolled.AddDays(1)), new("sfi", Enrolled.AddDays(1), ProviderOrganisationNumber: school)]);
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");

        var version = await coach.GetStringAsync($"/Plans/Version/{id}/1");
        var providers = Regex.Matches(version, "data-testid=\"activity-provider\">([^<]*)<").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(["Jobbtorget", "Språkskolan Söder AB"], providers);
        Assert.Contains("data-testid=\"activity-provider\">Jobbtorget<", await coach.GetStringAsync($"/Cases/Details/{id}"));
    }
}
