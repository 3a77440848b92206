using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// On a database of its own, whose clock moves: the referrals waiting for enrolment with where each stands with its info
/// meeting, and the job-guarantee page, whose lists are the cases behind its figures.
/// </summary>
[Trait("Category", "Http")]
public sealed class WaitingAndGuaranteeTests : IAsyncLifetime
{
    private readonly JobbtorgAppFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Referrals_waiting_for_enrolment_show_their_info_meeting_and_the_next_step_the_most_urgent_first()
    {
        var managerUser = await app.CreateUserAsync(Roles.Manager, centre: "farsta");
        var manager = await app.SignInAsync(managerUser);
        async Task ScheduleAsync(string date, int capacity) => Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "farsta", kind = "Adult", date, time = "09:30", durationMinutes = 90, room = "Sal 1", capacity, language = "svenska", weeks = 1,
        })).StatusCode);
        // Today is Tue 10 March 2026: a meeting on Thursday with three seats, and one the Tuesday after.
        await ScheduleAsync("2026-03-12", 3);
        await ScheduleAsync("2026-03-17", 10);
        var came = await CaseSteps.ReferAsync(app, "farsta", "2026-03-09", "Kom", "Väntan");
        var stayedAway = await CaseSteps.ReferAsync(app, "farsta", "2026-03-09", "Uteblev", "Väntan");
        var notRecorded = await CaseSteps.ReferAsync(app, "farsta", "2026-03-09", "Oklar", "Väntan");
        var later = await CaseSteps.ReferAsync(app, "farsta", "2026-03-10", "Senare", "Väntan"); // Thursday is full

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 12, 11, 0, 0, TimeSpan.Zero));
        manager = await app.SignInAsync(managerUser); // Thursday: a new day's session
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/cases/{came}/info-meeting/attendance", new { outcome = "Attended" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/cases/{stayedAway}/info-meeting/attendance", new { outcome = "NoShow" })).StatusCode);

        var page = await manager.GetStringAsync("/");
        var table = CaseSteps.Between(page, "data-testid=\"awaiting-enrolment\"", "</table>");
        // Nothing in the columns a referral never has (enrolled, coach, job guarantee).
        Assert.DoesNotContain("<td>–</td>", table);
        string Row(int id) => CaseSteps.Between(table, $"<tr data-case=\"{id}\"", "</tr>");
        Assert.Matches($"Deltog 2026-03-12(.|\\n)*?<a href=\"/Cases/Enrol/{came}\">Skriv in</a>", Row(came));
        Assert.Matches($"Bokad 2026-03-12 09:30(.|\\n)*?<a href=\"/Cases/Details/{notRecorded}\">Registrera närvaron</a>", Row(notRecorded));
        Assert.Matches("Bokad 2026-03-17 09:30, efter att ha uteblivit(.|\\n)*?Väntar på mötet", Row(stayedAway));
        Assert.Matches("Bokad 2026-03-17 09:30</span>(.|\\n)*?Väntar på mötet", Row(later));
        // Enrol who came, record the meeting that was held, then those waiting for their meeting.
        var order = new[] { came, notRecorded, stayedAway, later }.Select(id => CaseSteps.At(table, $"data-case=\"{id}\"")).ToList();
        Assert.Equal(order.OrderBy(i => i), order);
    }

    [Fact]
    public async Task A_no_show_with_nothing_booked_comes_before_a_referral_on_the_waiting_list()
    {
        var managerUser = await app.CreateUserAsync(Roles.Manager, centre: "farsta");
        var manager = await app.SignInAsync(managerUser);
        // Today is Tue 10 March 2026: one meeting on Thursday with one seat, and none after it.
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "farsta", kind = "Adult", date = "2026-03-12", time = "09:30", durationMinutes = 90, room = "Sal 1", capacity = 1,
            language = "svenska", weeks = 1,
        })).StatusCode);
        var stayedAway = await CaseSteps.ReferAsync(app, "farsta", "2026-03-09", "Uteblev", "Kö");
        var waiting = await CaseSteps.ReferAsync(app, "farsta", "2026-03-09", "Köar", "Kö"); // the seat is taken

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 12, 11, 0, 0, TimeSpan.Zero));
        manager = await app.SignInAsync(managerUser);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/cases/{stayedAway}/info-meeting/attendance", new { outcome = "NoShow" })).StatusCode);

        var table = CaseSteps.Between(await manager.GetStringAsync("/"), "data-testid=\"awaiting-enrolment\"", "</table>");
        string Row(int id) => CaseSteps.Between(table, $"<tr data-case=\"{id}\"", "</tr>");
        Assert.Matches($"Uteblev 2026-03-12(.|\\n)*?<a href=\"/Cases/Details/{stayedAway}\">Boka ett nytt möte</a>", Row(stayedAway));
        Assert.Matches("På väntelistan(.|\\n)*?Väntar på plats", Row(waiting));
        Assert.True(CaseSteps.At(table, $"data-case=\"{stayedAway}\"") < CaseSteps.At(table, $"data-case=\"{waiting}\""));
    }

    [Fact]
    public async Task The_job_guarantee_lists_are_the_cases_behind_its_figures_under_the_same_numbers()
    {
        // A Farsta case paused before its deadline (the clock stands still: pending) and one at Kista, beyond the Farsta
        // manager's reach, whose deadline lies ahead. The figures count both as pending, city-wide.
        var farstaCoach = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var coach = await app.SignInAsync(farstaCoach);
        var paused = await CaseSteps.ReferAsync(app, "farsta", "2026-02-27", "Pausad", "Frist");
        await CaseSteps.EnrolAsync(coach, paused, "2026-03-02", farstaCoach.Id);
        await CaseSteps.PauseAsync(coach, paused, "2026-03-04");
        var kistaCoach = await app.CreateUserAsync(Roles.Coach, centre: "kista");
        var kista = await CaseSteps.ReferAsync(app, "rinkeby-kista", "2026-03-02", "Kista", "Frist");
        await CaseSteps.EnrolAsync(await app.SignInAsync(kistaCoach), kista, "2026-03-09", kistaCoach.Id);

        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var html = await manager.GetStringAsync("/Reports/JobGuarantee?period=tertial&year=2026&tertial=1");
        var card = Regex.Match(html, "data-measure=\"pending\"><strong>(?:<a [^>]*>)?(\\d+)(?:</a>)?</strong>");
        var heading = Regex.Match(html, "Fristen har inte gått ut \\((\\d+)\\)");
        Assert.Equal("2", card.Groups[1].Value);
        Assert.Equal(card.Groups[1].Value, heading.Groups[1].Value);
        var pending = CaseSteps.Between(html, "data-testid=\"pending-cases\"", "</table>");
        Assert.Matches($"<tr data-case=\"{paused}\">(.|\\n)*?Pausat: klockan står still", pending);
        Assert.DoesNotContain($"data-case=\"{kista}\"", pending);
        Assert.Contains("1 av dem på jobbtorg utanför din behörighet", html);

        // An administrator sees both under the same number.
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var all = await admin.GetStringAsync("/Reports/JobGuarantee?period=tertial&year=2026&tertial=1");
        Assert.Contains("Fristen har inte gått ut (2)", all);
        Assert.Equal(2, Regex.Matches(CaseSteps.Between(all, "data-testid=\"pending-cases\"", "</table>"), "<tr data-case=").Count);
    }
}
