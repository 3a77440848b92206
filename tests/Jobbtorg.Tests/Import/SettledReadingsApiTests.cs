using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// The settled readings through the app, on SQLite and PostgreSQL: a person referred again with another gender by an
/// import and by the referral API, whose case page shows the latest; a closure here on or after every event of the case,
/// also those other features record; and a referral's short personal number read as written on the referral's date.
/// Today is Tue 10 March 2026.
/// </summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class SettledReadingsApiTests(JobbtorgAppFactory app)
{
    private readonly string prefix = $"S{Guid.NewGuid():N}"[..10] + "-";

    private Task<HttpResponseMessage> ImportAsync(string ndjson) =>
        app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));

    [Fact]
    public async Task A_person_referred_again_with_another_gender_keeps_each_cases_own_and_the_case_page_shows_the_latest()
    {
        var person = TestPeople.Adult(app.Today);
        var (first, second) = (prefix + "1", prefix + "2");
        var imported = await ImportAsync(Stream(
            Referral(first, person, "2025-01-13", gender: "F"), Enrolment(first, "2025-01-20"), Closure(first, "2025-06-30", "Work"),
            Referral(second, person, "2025-09-01", gender: "X"), Closure(second, "2025-10-01", "Other")));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        // Referred a third time through the API, with yet another gender.
        var referral = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = person, district = "enskede-arsta-vantor", targetGroup = "UnemployedOnBenefit", gender = "M",
        });
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);

        var cases = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => c.Participant.PersonalNumber == person)
            .OrderBy(c => c.ReferralDate).Select(c => new { c.Id, c.Gender }).ToListAsync());
        Assert.Equal([Gender.F, Gender.X, Gender.M], cases.Select(c => c.Gender));

        // The oldest case's page shows the person as the latest referral recorded them.
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var page = await manager.GetStringAsync($"/Cases/Details/{cases[0].Id}");
        Assert.Contains("<dt>Kön</dt><dd>Man</dd>", page);
    }

    [Fact]
    public async Task A_case_is_not_closed_here_before_its_latest_event_recorded_elsewhere_so_its_export_reads_back()
    {
        var caseRef = prefix + "3";
        var imported = await ImportAsync(Stream(
            Referral(caseRef, TestPeople.Adult(app.Today), "2026-02-02"), InfoMeeting(caseRef, "2026-02-05"), Enrolment(caseRef, "2026-02-09"),
            CaseEvents.Attendance(caseRef, "2026-03-02"), Placement(caseRef, "Internship", "2026-03-04", "2026-06-30")));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var id = await app.WithDbAsync(db => db.Cases.Where(c => c.CaseRef == caseRef).Select(c => c.Id).SingleAsync());
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");

        var beforePlacement = await coach.PostAsJsonAsync($"/api/cases/{id}/closure", new { date = "2026-03-03", reason = "Unknown" });
        Assert.Equal(HttpStatusCode.Conflict, beforePlacement.StatusCode);
        Assert.Contains("2026-03-04", await beforePlacement.Content.ReadAsStringAsync());
        var page = await coach.SubmitFormAsync($"/Cases/Close/{id}", new() { ["ClosureDate"] = "2026-03-01", ["Reason"] = "Unknown" });
        Assert.Contains("Avslutsdatumet kan inte vara före 2026-03-04", await page.Content.ReadAsStringAsync());
        Assert.Equal(CaseStatus.Enrolled, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));

        var onPlacement = await coach.PostAsJsonAsync($"/api/cases/{id}/closure", new { date = "2026-03-04", reason = "Unknown" });
        Assert.Equal(HttpStatusCode.OK, onPlacement.StatusCode);
    }

    [Fact]
    public async Task A_referral_with_a_date_reads_a_short_personal_number_as_written_that_day_and_one_without_as_written_today()
    {
        // 98 on 10 January 2024, born in 1925: written today with a hyphen, the same digits would name a child born in 2025.
        var person = TestPeople.Aged(98, 98, new DateOnly(2024, 1, 10));
        var written = $"{person[2..8]}-{person[8..]}";
        var client = app.ApiClient(JobbtorgAppFactory.RobotKey);

        var today = await client.PostAsJsonAsync("/api/referrals", new { personalNumber = written, district = "enskede-arsta-vantor", targetGroup = "UnemployedOnBenefit" });
        Assert.Equal(HttpStatusCode.BadRequest, today.StatusCode);
        var problem = JsonDocument.Parse(await today.Content.ReadAsStringAsync()).RootElement;
        Assert.Matches("The person is [0-9] years old", problem.GetProperty("errors").GetProperty("personalNumber")[0].GetString());

        var dated = await client.PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = written, district = "enskede-arsta-vantor", targetGroup = "UnemployedOnBenefit", referralDate = "2024-01-10",
        });
        Assert.Equal(HttpStatusCode.Created, dated.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Participant.PersonalNumber == person)));
    }
}
