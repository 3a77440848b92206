using System.Globalization;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// The order of events within a case, as the import checks it: by the same lifecycle as a case worked here, so a bad
/// line is told with the message a coach would see, after the case and the date of the line.
/// </summary>
public class ImportOrderTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2024, 1, 1));

    [Fact]
    public async Task Events_out_of_order_are_refused_with_the_lifecycle_message_naming_case_and_date()
    {
        var stream = Stream(
            Referral("O-1", Person(), "2024-04-22"),             // 1
            InfoMeeting("O-1", "2024-04-19"),                    // 2 before the referral
            Pause("O-1", "2024-04-24"),                          // 3 not enrolled
            Enrolment("O-1", "2024-04-29"),                      // 4
            PlanAgreed("O-1", "2024-04-26"),                     // 5 before the enrolment
            Pause("O-1", "2024-05-02"),                          // 6
            Pause("O-1", "2024-05-06"),                          // 7 while paused
            Resume("O-1", "2024-05-13"),                         // 8
            Resume("O-1", "2024-05-14"),                         // 9 not paused
            CaseEvents.Attendance("O-1", "2024-05-20"),                     // 10
            Closure("O-1", "2024-05-17", "Studies"),             // 11 before the latest event
            Enrolment("O-1", "2024-05-21"),                      // 12 second enrolment
            Closure("O-1", "2024-05-21", "Studies"),             // 13
            CaseEvents.Attendance("O-1", "2024-05-22"));                    // 14 after the closure

        await using var scenario = await ScenarioDatabase.CreateAsync();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
        try
        {
            var result = await scenario.TryImportAsync(stream);

            Assert.Equal(new (long, string)[]
            {
                (2L, "Case O-1 on 2024-04-19: The info meeting cannot be before the referral date 2024-04-22."),
                (3L, "Case O-1 on 2024-04-24: Only an enrolled case can be paused."),
                (5L, "Case O-1 on 2024-04-26: The plan cannot be agreed before the enrolment date 2024-04-29."),
                (7L, "Case O-1 on 2024-05-06: The case is already paused."),
                (9L, "Case O-1 on 2024-05-14: The case is not paused."),
                (11L, "Case O-1 on 2024-05-17: The closure date cannot be before 2024-05-20."),
                (12L, "Case O-1 on 2024-05-21: The case is already enrolled."),
                (14L, "Case O-1 on 2024-05-22: The case is closed and can no longer be changed."),
            }, result.Errors.Select(e => (e.Line, new Texts().Format(e.Reason))));
            Assert.Equal(0, await scenario.Db.Cases.CountAsync());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_closure_ends_an_open_pause_as_it_does_on_a_case_worked_here()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            Referral("O-2", Person(), "2024-04-22"), Enrolment("O-2", "2024-04-29"), Pause("O-2", "2024-05-02"),
            Closure("O-2", "2024-06-03", "Work")));

        var stored = await scenario.Db.Cases.Include(c => c.Pauses).SingleAsync(c => c.CaseRef == "O-2");
        Assert.Equal(new DateOnly(2024, 6, 3), Assert.Single(stored.Pauses).ResumedOn);
        Assert.Equal((Features.Cases.CaseStatus.Closed, new DateOnly(2024, 6, 3)), (stored.Status, stored.ClosureDate!.Value));
        Assert.Equal("report-tests", stored.ClosedBy);
        Assert.Null(stored.OpenParticipantId);
    }
}
