using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Programmes;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Programmes;

[Trait("Category", "Http")]
public sealed class ProgrammeApiTests(ProgrammesApp fixture) : IClassFixture<ProgrammesApp>
{
    private HttpClient Writer => fixture.App.ApiClient(ProgrammesApp.WriteKey);

    private string Iso(int days) => fixture.Today.AddDays(days).ToString("yyyy-MM-dd");

    private static async Task<Dictionary<string, string[]>> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private async Task<int> CaseAsync() =>
        await StaffKit.OpenCaseAsync(fixture.App, await fixture.App.CreateUserAsync(Roles.Coach, centre: "farsta"), consent: true);

    private Task<int> MembershipsAsync(int caseId) =>
        fixture.App.WithDbAsync(db => db.Set<ProgrammeMembership>().CountAsync(m => m.CaseId == caseId));

    [Fact]
    public async Task A_case_joins_and_leaves_a_programme_through_the_api_and_the_case_page_shows_it()
    {
        var programme = await fixture.ProgrammeAsync("Avhopparteamet API");
        var caseId = await CaseAsync();
        var joined = await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme, joinedOn = Iso(0) });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var membership = await joined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(membership.GetProperty("takenInByProgramme").GetBoolean());
        var id = membership.GetProperty("id").GetInt32();

        var list = await Writer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/programmes");
        Assert.Equal("Avhopparteamet API", list[0].GetProperty("programmeName").GetString());
        var programmes = await Writer.GetFromJsonAsync<JsonElement>("/api/programmes");
        var listed = programmes.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == programme);
        Assert.Equal("LeavingCrime", listed.GetProperty("kind").GetString());
        Assert.Equal(1, listed.GetProperty("currentMembers").GetInt32());

        var admin = await fixture.App.SignInAsNewAsync(Roles.Administrator);
        var page = await admin.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("data-testid=\"case-programmes\"", page);
        Assert.Contains("Avhopparteamet API", page);

        var left = await Writer.PostAsJsonAsync($"/api/programme-memberships/{id}/leave", new { leftOn = Iso(0) });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(Iso(0), (await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leftOn").GetString());
        // Left once; a second leave is refused by field.
        Assert.Contains("leftOn", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/programme-memberships/{id}/leave", new { leftOn = Iso(0) }))).Keys);
    }

    [Fact]
    public async Task Bad_joins_and_leaves_are_refused_by_field_and_store_nothing()
    {
        var programme = await fixture.ProgrammeAsync();
        var closedProgramme = await fixture.ProgrammeAsync(active: false);
        var caseId = await CaseAsync();

        Assert.Contains("programmeId", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = 999999 }))).Keys);
        Assert.Contains("programmeId", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = closedProgramme }))).Keys);
        Assert.Contains("programmeId", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { joinedOn = Iso(0) }))).Keys);
        Assert.Contains("joinedOn", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme, joinedOn = Iso(1) }))).Keys);
        Assert.Contains("joinedOn", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme, joinedOn = Iso(-1) }))).Keys);
        Assert.Equal(0, await MembershipsAsync(caseId));

        var joined = await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var id = (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Contains("programmeId", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme }))).Keys);
        Assert.Contains("leftOn", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/programme-memberships/{id}/leave", new { leftOn = Iso(-1) }))).Keys);
        Assert.Contains("leftOn", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/programme-memberships/{id}/leave", new { leftOn = Iso(1) }))).Keys);
        Assert.Equal(1, await MembershipsAsync(caseId));
        Assert.Null(await fixture.App.WithDbAsync(db => db.Set<ProgrammeMembership>().Where(m => m.Id == id).Select(m => m.LeftOn).SingleAsync()));

        // A closed case joins nothing.
        await fixture.App.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            c.Close(fixture.Today, ClosureReason.Work, ClosureSubReason.Unsubsidised, null, "Test", fixture.Today);
            return await db.SaveChangesAsync();
        });
        var other = await fixture.ProgrammeAsync();
        Assert.Contains("programmeId", (await ErrorsOf(await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = other }))).Keys);
        Assert.Equal(1, await MembershipsAsync(caseId));
    }

    [Fact]
    public async Task Two_joining_the_same_case_at_once_store_one_membership()
    {
        var programme = await fixture.ProgrammeAsync();
        var caseId = await CaseAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            fixture.App.ApiClient(ProgrammesApp.WriteKey).PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme })));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.BadRequest }));
        Assert.Equal(1, await MembershipsAsync(caseId));
    }

    [Fact]
    public async Task The_report_is_read_with_reports_read_refuses_a_bad_year_or_tertial_and_names_no_one()
    {
        var programme = await fixture.ProgrammeAsync("Rapportinsats");
        await fixture.App.WithDbAsync(async db =>
        {
            var p = await db.Set<Programme>().Include(x => x.Years).SingleAsync(x => x.Id == programme);
            p.SetYear(2026, 3_000_000, 300_000);
            return await db.SaveChangesAsync();
        });
        var caseId = await CaseAsync();
        Assert.Equal(HttpStatusCode.Created, (await Writer.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme })).StatusCode);

        var reports = fixture.App.ApiClient(ProgrammesApp.ReportsKey);
        var report = await reports.GetFromJsonAsync<JsonElement>("/api/programmes/report?year=2026&tertial=1");
        var row = report.GetProperty("programmes").EnumerateArray().Single(r => r.GetProperty("programmeId").GetInt32() == programme);
        Assert.Equal(1, row.GetProperty("participants").GetInt32());
        Assert.Equal(1_000_000, row.GetProperty("cost").GetInt64());
        Assert.Equal(100_000, row.GetProperty("externalFunding").GetInt64());
        Assert.Equal(1_000_000, row.GetProperty("costPerParticipant").GetInt64());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("costPerWorkOrStudies").ValueKind);
        Assert.DoesNotContain("caseId", report.GetRawText());

        Assert.Contains("year", (await ErrorsOf(await reports.GetAsync("/api/programmes/report?year=1999"))).Keys);
        Assert.Contains("year", (await ErrorsOf(await reports.GetAsync("/api/programmes/report?year=2028"))).Keys);
        Assert.Contains("tertial", (await ErrorsOf(await reports.GetAsync("/api/programmes/report?year=2026&tertial=4"))).Keys);

        // programmes:write reads no report; reports:read changes no case and lists no programme; another scope nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await Writer.GetAsync("/api/programmes/report?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reports.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reports.GetAsync("/api/programmes")).StatusCode);
        var other = fixture.App.ApiClient(ProgrammesApp.OtherKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/programmes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/programmes/report?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/cases/{caseId}/programmes", new { programmeId = programme })).StatusCode);
    }
}
