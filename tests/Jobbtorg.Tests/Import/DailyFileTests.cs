using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// A district's daily file names a few days of cases stored long ago. The import reads the stored attendance of the days
/// the file names and the latest one, not every day of the case: what it skips, stores and refuses must be the same as
/// if it had read them all.
/// </summary>
public class DailyFileTests
{
    private static readonly string Person = TestPeople.Adult(new DateOnly(2023, 1, 1));

    private static async Task<ScenarioDatabase> AttendedCaseAsync()
    {
        var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            Referral("D-1", Person, "2024-01-02"), Enrolment("D-1", "2024-01-08"),
            CaseEvents.Attendance("D-1", "2024-01-09"), CaseEvents.Attendance("D-1", "2024-01-10", "ExcusedAbsence"), CaseEvents.Attendance("D-1", "2024-01-11"),
            Pause("D-1", "2024-02-01", "Sickness"), Resume("D-1", "2024-02-12"), CaseEvents.Attendance("D-1", "2024-03-01")));
        return scenario;
    }

    private static async Task<List<(DateOnly, string)>> AttendanceAsync(ScenarioDatabase scenario) =>
        (await scenario.Db.AttendanceDays.AsNoTracking().OrderBy(a => a.Date).Select(a => new { a.Date, a.Status }).ToListAsync())
        .Select(a => (a.Date, a.Status.ToString())).ToList();

    [Fact]
    public async Task A_day_already_held_is_skipped_and_a_new_day_is_stored()
    {
        await using var scenario = await AttendedCaseAsync();

        var result = await scenario.ImportAsync(Stream(
            CaseEvents.Attendance("D-1", "2024-01-10", "ExcusedAbsence"), CaseEvents.Attendance("D-1", "2024-03-12"), CaseEvents.Attendance("D-1", "2024-01-09")));

        Assert.Equal((1, 2), (result.Imported, result.Skipped));
        Assert.Equal(
            [(new(2024, 1, 9), "Present"), (new(2024, 1, 10), "ExcusedAbsence"), (new(2024, 1, 11), "Present"), (new(2024, 3, 1), "Present"), (new(2024, 3, 12), "Present")],
            await AttendanceAsync(scenario));
    }

    [Fact]
    public async Task A_closure_before_the_latest_stored_attendance_day_is_refused_and_on_it_is_accepted()
    {
        await using var scenario = await AttendedCaseAsync();

        var early = await scenario.TryImportAsync(Stream(Closure("D-1", "2024-02-29", "Studies")));
        var onTheDay = await scenario.TryImportAsync(Stream(Closure("D-1", "2024-03-01", "Studies")));

        Assert.Equal(1, early.ErrorCount);
        Assert.Equal("Case D-1 on 2024-02-29: The closure date cannot be before 2024-03-01.", early.Errors.Single().Reason.ToString());
        Assert.True(onTheDay.Succeeded, string.Join('\n', onTheDay.Errors.Select(e => e.Reason)));
        Assert.Equal(1, onTheDay.Imported);
    }

    [Fact]
    public async Task Attendance_after_a_stored_closure_is_refused()
    {
        await using var scenario = await AttendedCaseAsync();
        await scenario.ImportAsync(Stream(Closure("D-1", "2024-03-20", "Studies")));

        var late = await scenario.TryImportAsync(Stream(CaseEvents.Attendance("D-1", "2024-03-21")));

        Assert.Equal(1, late.ErrorCount);
        Assert.Equal(4, (await AttendanceAsync(scenario)).Count);
    }
}
