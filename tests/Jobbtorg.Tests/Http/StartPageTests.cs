using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

/// <summary>Builds cases through the API and the pages, as a coach would.</summary>
public static class CaseSteps
{
    public static async Task<int> ReferAsync(JobbtorgAppFactory app, string district, string referralDate, string firstName, string lastName = "Testsson")
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName, lastName, district, targetGroup = "UnemployedOnBenefit", referralDate,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static async Task EnrolAsync(HttpClient coach, int id, string date, string coachId) =>
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = date, ["CoachId"] = coachId })).StatusCode);

    /// <summary>A plan with one activity, active job search (attendance required every working day), from the agreement on.</summary>
    public static async Task AgreePlanAsync(JobbtorgAppFactory app, HttpClient coach, int id, string date, decimal hoursPerWeek = 20)
    {
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new(), $"/Plans/Edit/{id}?handler=Start");
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["Goal"] = "5223", ["Summary"] = "Butik" }, $"/Plans/Edit/{id}?handler=Goal");
        var activityType = await app.WithDbAsync(db => db.ActivityTypes.Where(t => t.Code == "active-job-search").Select(t => t.Id).SingleAsync());
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new()
        {
            ["Activity.ActivityTypeId"] = activityType.ToString(), ["Activity.StartDate"] = date,
            ["Activity.HoursPerWeek"] = hoursPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, $"/Plans/Edit/{id}?handler=Add");
        var agree = await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["AgreedOn"] = date, ["ParticipantAgrees"] = "true" }, $"/Plans/Edit/{id}?handler=Agree");
        Assert.Equal(HttpStatusCode.Redirect, agree.StatusCode);
    }

    public static async Task PauseAsync(HttpClient coach, int id, string date) =>
        Assert.Equal(HttpStatusCode.OK, (await coach.PostAsJsonAsync($"/api/cases/{id}/pause", new { date, reason = "Sickness" })).StatusCode);

    /// <summary>The part of the page from <paramref name="start"/> to the next <paramref name="end"/>.</summary>
    public static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? html[from..] : html[from..to];
    }

    public static int At(string html, string text)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' not found");
        return at;
    }
}

/// <summary>The start pages of a coach and a manager on Tue 10 March 2026: what comes first, what to do, and by when.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class StartPageTests(JobbtorgAppFactory app)
{
    [Fact]
    public async Task A_coach_sees_the_cases_grouped_by_what_to_do_next_the_most_working_days_late_first()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Ordning");
        var coach = await app.SignInAsync(coachUser);
        async Task<int> EnrolledAsync(string name, string referred, string enrolled)
        {
            var id = await CaseSteps.ReferAsync(app, "skarpnack", referred, name, "Ordning");
            await CaseSteps.EnrolAsync(coach, id, enrolled, coachUser.Id);
            return id;
        }
        // Deadline Mon 2 March: six working days late. Deadline Wed 11 March: one working day left.
        var planLate = await EnrolledAsync("Plansen", "2026-02-16", "2026-02-23");
        var planSoon = await EnrolledAsync("Planstrax", "2026-02-27", "2026-03-04");
        // Review due Thu 5 February: 23 working days late. Review due Sun 15 March: three working days left.
        var reviewLate = await EnrolledAsync("Uppsen", "2025-10-27", "2025-11-03");
        await CaseSteps.AgreePlanAsync(app, coach, reviewLate, "2025-11-05");
        var reviewSoon = await EnrolledAsync("Uppstrax", "2025-11-24", "2025-12-01");
        await CaseSteps.AgreePlanAsync(app, coach, reviewSoon, "2025-12-15");
        var nothingDue = await EnrolledAsync("Lugn", "2026-01-26", "2026-02-02");
        await CaseSteps.AgreePlanAsync(app, coach, nothingDue, "2026-02-04");
        var paused = await EnrolledAsync("Vilande", "2026-02-09", "2026-02-16");
        await CaseSteps.PauseAsync(coach, paused, "2026-02-17");

        var page = await coach.GetStringAsync("/");
        var mine = CaseSteps.Between(page, "data-testid=\"my-cases\"", "</section>");
        Assert.Contains("Mina öppna ärenden (6)", mine);
        // The groups in the order of what to do: the plan, its review, the paused, the rest (folded away).
        Assert.True(CaseSteps.At(mine, "data-testid=\"work-WritePlan\"") < CaseSteps.At(mine, "data-testid=\"work-ReviewPlan\""));
        Assert.True(CaseSteps.At(mine, "data-testid=\"work-ReviewPlan\"") < CaseSteps.At(mine, "data-testid=\"work-Paused\""));
        Assert.True(CaseSteps.At(mine, "data-testid=\"work-Paused\"") < CaseSteps.At(mine, "<details data-testid=\"work-NothingDue\""));
        Assert.Contains("Jobbplan ska tas fram (2)", mine);
        Assert.Contains("Uppföljning av jobbplanen (2)", mine);

        string Row(int id) => CaseSteps.Between(mine, $"<tr data-case=\"{id}\">", "</tr>");
        Assert.Matches($"<a href=\"/Plans/Edit/{planLate}\">Skriv jobbplanen</a>(.|\\n)*?2026-03-02(.|\\n)*?badge bad\" data-days=\"-6\">6 arbetsdagar sent", Row(planLate));
        Assert.Matches($"<a href=\"/Plans/Edit/{planSoon}\">Skriv jobbplanen</a>(.|\\n)*?2026-03-11(.|\\n)*?data-days=\"1\">1 arbetsdag kvar", Row(planSoon));
        Assert.Matches($"<a href=\"/Plans/Edit/{reviewLate}\">Följ upp jobbplanen</a>(.|\\n)*?2026-02-05(.|\\n)*?data-days=\"-23\">23 arbetsdagar sent", Row(reviewLate));
        Assert.Matches($"<a href=\"/Plans/Edit/{reviewSoon}\">Följ upp jobbplanen</a>(.|\\n)*?2026-03-15(.|\\n)*?data-days=\"3\">3 arbetsdagar kvar", Row(reviewSoon));
        Assert.Contains("Återuppta ärendet", Row(paused));
        Assert.DoesNotContain("data-days", Row(nothingDue));
        // Within a group, the most late first.
        Assert.True(CaseSteps.At(mine, $"data-case=\"{planLate}\"") < CaseSteps.At(mine, $"data-case=\"{planSoon}\""));
        Assert.True(CaseSteps.At(mine, $"data-case=\"{reviewLate}\"") < CaseSteps.At(mine, $"data-case=\"{reviewSoon}\""));
    }

    [Fact]
    public async Task A_manager_sees_overdue_plans_and_caseloads_first_then_thin_plans_and_attendance_summed_up()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Chefsvy");
        var coach = await app.SignInAsync(coachUser);
        var late = await CaseSteps.ReferAsync(app, "farsta", "2026-02-16", "Sentplan", "Chefsvy");
        await CaseSteps.EnrolAsync(coach, late, "2026-02-23", coachUser.Id); // deadline Mon 2 March: 6 working days overdue
        // One visit a week, and a full plan; both with active job search, whose days nobody has registered since 2 March.
        var thin = await CaseSteps.ReferAsync(app, "farsta", "2026-02-16", "Tunnplan", "Chefsvy");
        await CaseSteps.EnrolAsync(coach, thin, "2026-02-23", coachUser.Id);
        await CaseSteps.AgreePlanAsync(app, coach, thin, "2026-03-02", hoursPerWeek: 3);
        var full = await CaseSteps.ReferAsync(app, "farsta", "2026-02-16", "Fullplan", "Chefsvy");
        await CaseSteps.EnrolAsync(coach, full, "2026-02-23", coachUser.Id);
        await CaseSteps.AgreePlanAsync(app, coach, full, "2026-03-02", hoursPerWeek: 30);

        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var page = await manager.GetStringAsync("/");
        // Overdue plans and caseloads first, then thin plans, attendance, the referrals waiting, the counts.
        var order = new[] { "id=\"overdue-h\"", "id=\"caseloads-h\"", "id=\"thin-h\"", "id=\"unregistered-h\"", "id=\"await-h\"", "id=\"counts-h\"" }
            .Select(id => CaseSteps.At(page, id)).ToList();
        Assert.Equal(order.OrderBy(i => i), order);
        Assert.Matches($"<tr data-case=\"{late}\">(.|\\n)*?Coach Chefsvy(.|\\n)*?2026-03-02</td><td class=\"num\" data-days=\"6\">6</td>",
            CaseSteps.Between(page, "data-testid=\"overdue-plans\"", "</table>"));

        var thinLink = Regex.Match(CaseSteps.Between(page, "data-testid=\"thin-plans\"", "</section>"), "<a href=\"/Plans/Thin\" data-count=\"(\\d+)\">");
        Assert.True(thinLink.Success, "a link to the thin plans");
        var thinList = await manager.GetStringAsync("/Plans/Thin");
        var rows = CaseSteps.Between(thinList, "data-testid=\"thin-plan-list\"", "</table>");
        Assert.Equal(int.Parse(thinLink.Groups[1].Value), Regex.Matches(rows, "<tr data-case=").Count);
        Assert.Matches($"<tr data-case=\"{thin}\">(.|\\n)*?Coach Chefsvy(.|\\n)*?<td class=\"num\">3</td>", rows);
        Assert.DoesNotContain($"data-case=\"{full}\"", rows);

        // Unregistered attendance: counted per activity and coach, with the way to the day view, not a row per day.
        var unregistered = CaseSteps.Between(page, "data-testid=\"attendance-not-registered\"", "</section>");
        Assert.Matches("<a href=\"/Attendance\\?activity=active-job-search&amp;date=2026-03-02\">Aktivt jobbsökande på jobbtorget</a></td>\\s*<td>Coach Chefsvy</td>\\s*<td class=\"num\">12</td>", unregistered);
        Assert.DoesNotContain("Tunnplan", unregistered);

        // Coaches keep seeing their own days one by one; only managers get the sums, and only they the thin plans.
        var coachPage = await coach.GetStringAsync("/");
        Assert.Contains("Tunnplan Chefsvy", CaseSteps.Between(coachPage, "data-testid=\"attendance-not-registered\"", "</section>"));
        Assert.DoesNotContain("id=\"thin-h\"", coachPage);
        Assert.Contains("/Account/AccessDenied", (await coach.GetAsync("/Plans/Thin")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_plan_shows_its_hours_a_week_and_warns_when_it_is_thin()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var coach = await app.SignInAsync(coachUser);
        var thin = await CaseSteps.ReferAsync(app, "farsta", "2026-02-16", "Timmar", "Tunn");
        await CaseSteps.EnrolAsync(coach, thin, "2026-02-23", coachUser.Id);
        await CaseSteps.AgreePlanAsync(app, coach, thin, "2026-03-02", hoursPerWeek: 4);
        var full = await CaseSteps.ReferAsync(app, "farsta", "2026-02-16", "Timmar", "Full");
        await CaseSteps.EnrolAsync(coach, full, "2026-02-23", coachUser.Id);
        await CaseSteps.AgreePlanAsync(app, coach, full, "2026-03-02", hoursPerWeek: 25);

        var thinPage = await coach.GetStringAsync($"/Cases/Details/{thin}");
        Assert.Contains("data-hours=\"4\"", thinPage);
        Assert.Contains("Timmar i veckan i de aktiviteter som pågår i dag:", thinPage);
        Assert.Contains("data-testid=\"thin-plan\"", thinPage);
        var fullPage = await coach.GetStringAsync($"/Cases/Details/{full}");
        Assert.Contains("data-hours=\"25\"", fullPage);
        Assert.DoesNotContain("data-testid=\"thin-plan\"", fullPage);
    }
}
