using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// Dates never go backwards along a case's life (domain.md "Settled readings"): referral ≤ info meeting, enrolment;
/// enrolment ≤ plan, pause, attendance, placement start; pause ≤ its resume; closure ≥ every other event of the case.
/// Each rule on its own: the one line that breaks it is refused with the lifecycle's message, and nothing is stored.
/// The case is referred on Monday 22 April 2024 and enrolled a week later.
/// </summary>
public class DateOrderTests
{
    private const string Case = "D-1";

    private static readonly string[] Referred = [Referral(Case, "PERSON", "2024-04-22")];
    private static readonly string[] Enrolled = [.. Referred, Enrolment(Case, "2024-04-29")];

    public static TheoryData<string, string[], string> BrokenRules => new()
    {
        { "referral ≤ info meeting", [.. Referred, InfoMeeting(Case, "2024-04-19")],
            "Case D-1 on 2024-04-19: The info meeting cannot be before the referral date 2024-04-22." },
        { "referral ≤ enrolment", [.. Referred, Enrolment(Case, "2024-04-21")],
            "Case D-1 on 2024-04-21: The enrolment date cannot be before the referral date 2024-04-22." },
        { "enrolment ≤ plan", [.. Enrolled, PlanAgreed(Case, "2024-04-26")],
            "Case D-1 on 2024-04-26: The plan cannot be agreed before the enrolment date 2024-04-29." },
        { "enrolment ≤ pause", [.. Enrolled, Pause(Case, "2024-04-28")],
            "Case D-1 on 2024-04-28: The pause cannot start before the enrolment date 2024-04-29." },
        { "enrolment ≤ attendance", [.. Enrolled, CaseEvents.Attendance(Case, "2024-04-26")],
            "Case D-1 on 2024-04-26: The date cannot be before the enrolment date 2024-04-29." },
        { "enrolment ≤ placement start", [.. Enrolled, Placement(Case, "Internship", "2024-04-24", "2024-06-30")],
            "Case D-1 on 2024-04-24: The date cannot be before the enrolment date 2024-04-29." },
        { "pause ≤ its resume", [.. Enrolled, Pause(Case, "2024-05-06"), Resume(Case, "2024-05-03")],
            "Case D-1 on 2024-05-03: The case cannot resume before it was paused (2024-05-06)." },
        { "closure ≥ referral", [.. Referred, Closure(Case, "2024-04-19", "Other")],
            "Case D-1 on 2024-04-19: The closure date cannot be before 2024-04-22." },
        { "closure ≥ info meeting", [.. Referred, InfoMeeting(Case, "2024-05-02"), Closure(Case, "2024-04-30", "Other")],
            "Case D-1 on 2024-04-30: The closure date cannot be before 2024-05-02." },
        { "closure ≥ enrolment", [.. Enrolled, Closure(Case, "2024-04-26", "Other")],
            "Case D-1 on 2024-04-26: The closure date cannot be before 2024-04-29." },
        { "closure ≥ plan", [.. Enrolled, PlanAgreed(Case, "2024-05-03"), Closure(Case, "2024-05-02", "Work")],
            "Case D-1 on 2024-05-02: The closure date cannot be before 2024-05-03." },
        { "closure ≥ an open pause", [.. Enrolled, Pause(Case, "2024-05-06"), Closure(Case, "2024-05-03", "Studies")],
            "Case D-1 on 2024-05-03: The closure date cannot be before 2024-05-06." },
        { "closure ≥ resume", [.. Enrolled, Pause(Case, "2024-05-06"), Resume(Case, "2024-05-13"), Closure(Case, "2024-05-10", "Studies")],
            "Case D-1 on 2024-05-10: The closure date cannot be before 2024-05-13." },
        { "closure ≥ attendance", [.. Enrolled, CaseEvents.Attendance(Case, "2024-05-20"), Closure(Case, "2024-05-17", "Unknown")],
            "Case D-1 on 2024-05-17: The closure date cannot be before 2024-05-20." },
        { "closure ≥ placement start", [.. Enrolled, Placement(Case, "MunicipalJob", "2024-06-03", "2024-12-31"), Closure(Case, "2024-05-31", "Work")],
            "Case D-1 on 2024-05-31: The closure date cannot be before 2024-06-03." },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task A_date_that_goes_backwards_along_the_case_is_the_bad_line(string rule, string[] lines, string message)
    {
        var person = TestPeople.Adult(new DateOnly(2024, 1, 1));
        await using var scenario = await ScenarioDatabase.CreateAsync();

        var result = await scenario.TryImportAsync(Stream(lines.Select(l => l.Replace("PERSON", person))));

        Assert.True(result.Errors.Count == 1, $"{rule}: " + string.Join("; ", result.Errors.Select(e => $"line {e.Line}: {e.Reason}")));
        Assert.Equal((lines.Length, message), ((int)result.Errors[0].Line, result.Errors[0].Reason.ToString()));
        Assert.Equal(0, await scenario.Db.Cases.CountAsync());
    }

    /// <summary>What the rules leave free is accepted: the same day throughout, an info meeting after the enrolment, a plan
    /// agreed while paused, a placement ending after the closure, and events of a case read in any order the rules allow.</summary>
    [Fact]
    public async Task Equal_dates_and_the_orders_the_rules_leave_free_are_accepted()
    {
        var person = TestPeople.Adult(new DateOnly(2024, 1, 1));
        await using var scenario = await ScenarioDatabase.CreateAsync();

        await scenario.ImportAsync(Stream(
            Referral("D-2", person, "2024-04-22"), InfoMeeting("D-2", "2024-04-22"), Enrolment("D-2", "2024-04-22"),
            CaseEvents.Attendance("D-2", "2024-04-22"), Pause("D-2", "2024-04-22"), PlanAgreed("D-2", "2024-04-22"), Resume("D-2", "2024-04-22"),
            InfoMeeting("D-2", "2024-04-25"), CaseEvents.Attendance("D-2", "2024-05-20"), PlanAgreed("D-2", "2024-05-02"),
            Placement("D-2", "MunicipalJob", "2024-05-06", "2024-12-31"), Closure("D-2", "2024-05-20", "Work")));

        Assert.Equal(Features.Cases.CaseStatus.Closed, (await scenario.Db.Cases.SingleAsync()).Status);
    }
}
