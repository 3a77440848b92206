using System.IO.Pipelines;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Import;
using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// The gender belongs to the referral (domain.md "Settled readings"): a person referred again may carry another one, the
/// report's breakdown by gender counts each case under its own referral's, and the person shows the latest referral's.
/// </summary>
public class GenderAtReferralTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2023, 1, 1));

    private static async Task<Dictionary<string, Gender>> CaseGendersAsync(ScenarioDatabase scenario) =>
        await scenario.Db.Cases.AsNoTracking().ToDictionaryAsync(c => c.CaseRef, c => c.Gender);

    private static async Task<Gender> PersonsGenderAsync(ScenarioDatabase scenario, string person) =>
        (await scenario.Db.Participants.AsNoTracking().SingleAsync(p => p.PersonalNumber == person)).Gender;

    [Fact]
    public async Task Two_cases_of_one_person_are_counted_under_the_gender_each_referral_gave()
    {
        var person = Person();
        await using var scenario = await ScenarioDatabase.CreateAsync();
        // The later referral is read first: the order across cases is free, the dates say which is the latest.
        var result = await scenario.ImportAsync(Stream(
            Referral("G-2", person, "2024-06-03", gender: "X"), Enrolment("G-2", "2024-06-10"),
            Referral("G-1", person, "2024-01-08", gender: "F"), Enrolment("G-1", "2024-01-15"), Closure("G-1", "2024-05-31", "Studies")));

        Assert.Equal(5, result.Imported);
        var report = await scenario.ReportAsync("2024-01-01", "2024-12-31", "2024-12-31", GroupBy.Gender);
        Assert.Equal(["F", "X"], report.Groups!.Keys);
        Assert.Equal((1, 1, 1), (report.Groups["F"].Enrolled, report.Groups["F"].Closed, report.Groups["F"].ClosedToWorkOrStudies.Numerator));
        Assert.Equal((1, 0), (report.Groups["X"].Enrolled, report.Groups["X"].Closed));
        Assert.Equal(new Dictionary<string, Gender> { ["G-1"] = Gender.F, ["G-2"] = Gender.X }, await CaseGendersAsync(scenario));
        Assert.Equal(Gender.X, await PersonsGenderAsync(scenario, person));
    }

    [Fact]
    public async Task A_stored_person_referred_again_later_shows_the_new_gender_and_an_earlier_referral_leaves_it()
    {
        var person = Person();
        await using var scenario = await ScenarioDatabase.CreateAsync();
        var first = Stream(Referral("G-1", person, "2023-01-09", gender: "F"), Closure("G-1", "2023-03-01", "Other"));
        var later = Stream(Referral("G-3", person, "2024-02-05", gender: "X"), Enrolment("G-3", "2024-02-12"));
        var between = Stream(Referral("G-2", person, "2023-06-01", gender: "M"), Closure("G-2", "2023-08-01", "Unknown"));

        await scenario.ImportAsync(first);
        Assert.Equal(Gender.F, await PersonsGenderAsync(scenario, person));
        await scenario.ImportAsync(later);
        Assert.Equal(Gender.X, await PersonsGenderAsync(scenario, person));
        await scenario.ImportAsync(between);
        Assert.Equal(Gender.X, await PersonsGenderAsync(scenario, person));
        Assert.Equal(new Dictionary<string, Gender> { ["G-1"] = Gender.F, ["G-2"] = Gender.M, ["G-3"] = Gender.X }, await CaseGendersAsync(scenario));

        // The same streams again change nothing: every referral is recognised with the gender it was stored with.
        var again = await scenario.ImportAsync(first + later + between);
        Assert.Equal((0, 6), (again.Imported, again.Skipped));
        Assert.Equal(Gender.X, await PersonsGenderAsync(scenario, person));
    }

    [Fact]
    public async Task The_export_gives_each_case_its_own_referrals_gender_and_reads_back_the_same()
    {
        var person = Person();
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            Referral("G-1", person, "2023-01-09", gender: "M"), Closure("G-1", "2023-03-01", "Other"),
            Referral("G-2", person, "2023-06-01", gender: "F")));

        using var exported = new MemoryStream();
        await new CaseEventExport(new StoredEvents(scenario.Db)).WriteAsync(PipeWriter.Create(exported), CancellationToken.None);
        var lines = System.Text.Encoding.UTF8.GetString(exported.ToArray()).Split('\n');
        Assert.Contains(lines, l => l.Contains("\"caseRef\":\"G-1\"") && l.Contains("\"gender\":\"M\""));
        Assert.Contains(lines, l => l.Contains("\"caseRef\":\"G-2\"") && l.Contains("\"gender\":\"F\""));

        await using var copy = await ScenarioDatabase.CreateAsync();
        await copy.ImportAsync(string.Join('\n', lines));
        Assert.Equal(await CaseGendersAsync(scenario), await CaseGendersAsync(copy));
        Assert.Equal(Gender.F, await PersonsGenderAsync(copy, person));
    }
}
