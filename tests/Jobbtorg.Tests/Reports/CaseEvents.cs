using System.Text.Json;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// Lines of the case-event format (domain.md "The case-event format"), one JSON object each with <c>type</c> first,
/// so a test can write a small stream event by event: <c>Stream(Referral(…), Enrolment(…), Closure(…))</c>.
/// Dates are written yyyy-MM-dd, months yyyy-MM, exactly as a source system sends them.
/// </summary>
public static class CaseEvents
{
    /// <summary>Stockholm's own organisation number, a valid employer for placements.</summary>
    public const string CityEmployer = "2120000142";

    public static string Stream(params IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));

    public static string Referral(string caseRef, string personalNumber, string date, string district = "enskede-arsta-vantor",
        string targetGroup = "UnemployedOnBenefit", string gender = "F", bool receivesBenefit = true, bool hasChildren = false,
        bool newlyUnemployed = false, bool newlyArrived = false) =>
        Line(new
        {
            type = "referral", caseRef, personalNumber, district, targetGroup, date, gender, receivesBenefit, hasChildren,
            newlyUnemployed, newlyArrived,
        });

    public static string InfoMeeting(string caseRef, string date, bool attended = true) =>
        Line(new { type = "infoMeeting", caseRef, date, attended });

    public static string Enrolment(string caseRef, string date, string jobCentre = "farsta", string coach = "coach-1") =>
        Line(new { type = "enrolment", caseRef, date, jobCentre, coach });

    public static string PlanAgreed(string caseRef, string date) => Line(new { type = "planAgreed", caseRef, date });

    public static string Pause(string caseRef, string date, string reason = "Sickness") => Line(new { type = "pause", caseRef, date, reason });

    public static string Resume(string caseRef, string date) => Line(new { type = "resume", caseRef, date });

    public static string Attendance(string caseRef, string date, string status = "Present") => Line(new { type = "attendance", caseRef, date, status });

    /// <summary>A placement; <c>matched</c> is written only when true, as the format lets a source leave it out.</summary>
    public static string Placement(string caseRef, string kind, string start, string? end, string employer = CityEmployer, bool matched = false) =>
        (end, matched) switch
        {
            (null, false) => Line(new { type = "placement", caseRef, kind, start, employer }),
            (null, true) => Line(new { type = "placement", caseRef, kind, start, employer, matched }),
            (_, false) => Line(new { type = "placement", caseRef, kind, start, end, employer }),
            _ => Line(new { type = "placement", caseRef, kind, start, end, employer, matched }),
        };

    /// <summary>Work and Other need a sub-reason; a plausible one is chosen unless given.</summary>
    public static string Closure(string caseRef, string date, string reason, string? subReason = null)
    {
        subReason ??= reason switch { "Work" => "Unsubsidised", "Other" => "Moved", _ => null };
        return subReason is null
            ? Line(new { type = "closure", caseRef, date, reason })
            : Line(new { type = "closure", caseRef, date, reason, subReason });
    }

    public static string Assessment(string caseRef, string date, string instrument = "Initial", string availability = "Available",
        string needCategory = "Standard") =>
        Line(new { type = "assessment", caseRef, date, instrument, availability, needCategory });

    public static string BenefitMonth(string personalNumber, string month, bool receivesBenefit) =>
        Line(new { type = "benefitMonth", personalNumber, month, receivesBenefit });

    public static string OccupationStatus(string personalNumber, string date, string status) =>
        Line(new { type = "occupationStatus", personalNumber, date, status });

    private static string Line(object value) => JsonSerializer.Serialize(value);
}
