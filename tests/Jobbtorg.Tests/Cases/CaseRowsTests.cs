using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Builders;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Cases;

[CollectionDefinition(Name)]
public sealed class CaseRowsCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "CaseRows";
}

/// <summary>The case page's sections skip their query when the case has no rows of theirs: the one statement that says
/// which tables hold rows for a case must answer exactly what the tables hold, on both databases, or a section would
/// hide what a coach has recorded.</summary>
[Collection(CaseRowsCollection.Name)]
[Trait("Category", "Http")]
public sealed class CaseRowsTests(JobbtorgAppFactory app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<int> CaseIdAsync(string caseRef) => await app.WithDbAsync(db => db.Cases.Where(c => c.CaseRef == caseRef).Select(c => c.Id).SingleAsync());

    private static async Task<bool> HoldsRowsAsync(JobbtorgDb db, Type entity, int caseId)
    {
        var type = db.Model.FindEntityType(entity)!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var column = type.FindProperty("CaseId")!.GetColumnName(table);
        // Names from the model, not from input.
#pragma warning disable EF1002
        var count = await db.Database.SqlQueryRaw<int>($"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"{table.Name}\" WHERE \"{column}\" = {{0}}", caseId).SingleAsync();
#pragma warning restore EF1002
        return count > 0;
    }

    [Fact]
    public async Task Each_section_table_is_said_to_hold_rows_for_a_case_exactly_when_it_does()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Kim Radsson");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = await app.WithDbAsync(db => PersonDataBuilder.FillEveryKindAsync(db, coach.Id, TestPeople.Adult(app.Today), "Rad" + tag, app.Clock.GetUtcNow()));
        var referred = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = PersonDataBuilder.District, targetGroup = "UnemployedOnBenefit",
            receivesBenefit = true, consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var bare = (await referred.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var open = await CaseIdAsync(person.OpenCaseRef);
        var closed = await CaseIdAsync(person.ClosedCaseRef);

        using var scope = app.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<CaseRows>();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        List<Type> tables = scope.ServiceProvider.GetServices<CaseRowTable>().Select(t => t.Entity).Distinct().ToList();
        Assert.True(tables.Count >= 13, $"only {tables.Count} tables registered");

        var said = new Dictionary<(int Case, Type Table), bool>();
        foreach (var caseId in new[] { open, closed, bare })
            foreach (var table in tables)
            {
                var answer = await (Task<bool>)typeof(CaseRows).GetMethod(nameof(CaseRows.AnyAsync))!.MakeGenericMethod(table)
                    .Invoke(rows, [caseId, CancellationToken.None])!;
                said[(caseId, table)] = answer;
                Assert.True(answer == await HoldsRowsAsync(db, table, caseId), $"{table.Name} for case {caseId}: said {answer}");
            }

        // What the builder recorded on the open case is found, the closed case's placement too, and the new referral's
        // sections hold only what a referral records.
        foreach (var table in new[] { typeof(JournalEntry), typeof(Features.InfoMeetings.InfoMeetingBooking), typeof(Features.ThreePartyMeetings.ThreePartyMeeting),
                     typeof(Features.FirstAppointments.FirstAppointment), typeof(Features.Reminders.ReminderConsent), typeof(Features.Reminders.ReminderMessage),
                     typeof(Features.DistrictMessages.DistrictMessage), typeof(Features.Programmes.ProgrammeMembership), typeof(Features.Assessments.Assessment),
                     typeof(Features.Matching.Proposal), typeof(Features.Matching.MatchingHelpRequest) })
            Assert.True(said[(open, table)], $"{table.Name} on the open case");
        Assert.True(said[(closed, typeof(Features.Placements.Placement))]);
        // A referral records the consent it came with and books the info meeting; nothing else is there yet.
        Assert.True(said[(bare, typeof(Features.Consent.ConsentRecord))]);
        Assert.All(tables.Except([typeof(Features.Consent.ConsentRecord), typeof(Features.InfoMeetings.InfoMeetingBooking)]),
            table => Assert.False(said[(bare, table)], $"{table.Name} on a new referral"));

        // The pages still show what is there, and a case with nothing in its sections still shows its page.
        var page = await app.SignInAsync(coach);
        var html = await page.GetStringAsync($"/Cases/Details/{open}");
        Assert.Contains("Journaltext Rad" + tag, html);
        Assert.Contains("Hjälp Rad" + tag, html);
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Cases/Details/{bare}")).StatusCode);
    }
}
