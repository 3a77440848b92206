using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Import;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// An import does not stop the districts' referrals while it runs, and the two never give one person two open cases.
/// On PostgreSQL only: SQLite has one writer at a time, so there a referral waits for the import's write lock.
/// </summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ImportBesideReferralsTests(JobbtorgAppFactory app)
{
    private readonly string prefix = $"C{Guid.NewGuid():N}"[..12] + "-";

    [PostgresFact]
    public async Task A_referral_is_registered_while_an_import_holds_its_transaction_and_one_for_the_imported_person_leads_to_the_imported_case()
    {
        var importedPerson = TestPeople.Adult(app.Today);
        var caseRef = prefix + "K-1";
        // Held once every row is written and before the commit.
        var hold = new HoldImport(progress => progress is { Phase: "storing", Lines: > 0 });
        var importing = StartImport(OpenCase(caseRef, importedPerson), hold);
        await hold.Reached;

        var other = await ReferAsync(TestPeople.Adult(app.Today));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.False(importing.IsCompleted, "The referral was answered only after the import had finished.");

        // The same person as the import's open case: the answer waits for the import at most, and is the imported case.
        var samePerson = ReferAsync(importedPerson);
        hold.Release();
        Assert.True((await importing).Succeeded);
        var answer = await samePerson;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(caseRef, await answer.Content.ReadAsStringAsync());
        Assert.Equal([caseRef], await OpenCasesOfAsync(importedPerson));
    }

    [PostgresFact]
    public async Task A_referral_registered_before_the_import_writes_its_person_makes_the_import_a_bad_line_not_a_second_open_case()
    {
        var person = TestPeople.Adult(app.Today);
        // Held once every line is checked and before anything is written.
        var hold = new HoldImport(progress => progress is { Phase: "storing", Lines: 0 });
        var importing = StartImport(OpenCase(prefix + "K-2", person), hold);
        await hold.Reached;

        var referred = await ReferAsync(person);
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        Assert.False(importing.IsCompleted);
        hold.Release();

        var result = await importing;
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("at most one open case", error.Reason.Template);
        var open = await OpenCasesOfAsync(person);
        Assert.Single(open);
        Assert.StartsWith("JT-", open[0]);
    }

    private string OpenCase(string caseRef, string person) => string.Join('\n',
        $$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{person}}","district":"enskede-arsta-vantor","targetGroup":"UnemployedOnBenefit","date":"2026-02-02","gender":"{{GenderOf(person)}}","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""",
        $$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"2026-02-09","jobCentre":"farsta","coach":"coach-17"}""") + "\n";

    /// <summary>The gender the personal number gives, as a referral through the API records it when none is sent.</summary>
    private static string GenderOf(string person) => (person[10] - '0') % 2 == 1 ? "M" : "F";

    private Task<ImportResult> StartImport(string ndjson, HoldImport hold) => Task.Run(async () =>
    {
        using var scope = app.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<CaseEventImport>();
        return await import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(ndjson)), "import-test", progress: hold);
    });

    private Task<HttpResponseMessage> ReferAsync(string person) =>
        app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = person, district = "enskede-arsta-vantor", targetGroup = "NewApplicant", receivesBenefit = true,
            consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
        });

    private Task<List<string>> OpenCasesOfAsync(string person) => app.WithDbAsync(db =>
        db.Cases.Where(c => c.Participant.PersonalNumber == person && c.Status != CaseStatus.Closed).Select(c => c.CaseRef).ToListAsync());

    /// <summary>Holds the import, inside its transaction, at the first progress report that matches; once.</summary>
    private sealed class HoldImport(Func<ImportProgress, bool> at) : IProgress<ImportProgress>
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim released = new();
        private int held;

        public Task Reached => reached.Task;

        public void Release() => released.Set();

        public void Report(ImportProgress value)
        {
            if (!at(value) || Interlocked.Exchange(ref held, 1) == 1) return;
            reached.SetResult();
            released.Wait(TimeSpan.FromMinutes(2));
        }
    }
}
