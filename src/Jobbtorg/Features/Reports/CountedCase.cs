using System.Text.Json.Serialization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// One unit a number of the report counts — a case, or one municipal job of a case — with the dates that decided it, as
/// they stood on the as-of date. Only the facts the measure is decided by are given (see <see cref="CaseFact"/>); the
/// rest are left out of the JSON.
/// </summary>
public sealed record CountedCase([property: JsonIgnore] int CaseId, string CaseRef)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? Referral { get; init; }
    /// <summary>The first info meeting attended.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? InfoMeeting { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? Enrolment { get; init; }
    /// <summary>The deadline for the first agreed plan (D), paused days left out; null while an open pause stops the clock.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? Deadline { get; init; }
    /// <summary>The first agreed plan (P1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? FirstPlan { get; init; }
    /// <summary>The first signed assessment of any instrument (A1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? FirstAssessment { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? Closure { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ClosureReason? ClosureReason { get; init; }
    /// <summary>Enrolment + 12 months.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? TwelveMonths { get; init; }
    /// <summary>The first day of the calendar month six months after the closure.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? FollowUpMonth { get; init; }
    /// <summary>Whether the person received benefit in the follow-up month; absent when the district has not said.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? BenefitThatMonth { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? MunicipalJobEnd { get; init; }
    /// <summary>The occupation observation nearest the job's end + 3 months, within 31 days.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? ObservedOn { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OccupationStatus? Observed { get; init; }
    /// <summary>The kind of the placement counted (a job mediated).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PlacementKind? Placement { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? PlacementStart { get; init; }
    /// <summary>Calendar days from referral to the info meeting or the enrolment, for a waiting time.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Days { get; init; }

    /// <summary>Only the facts the measure shows: the others are cleared.</summary>
    public CountedCase Showing(IReadOnlyList<CaseFact> facts) => new(CaseId, CaseRef)
    {
        Referral = facts.Contains(CaseFact.Referral) ? Referral : null,
        InfoMeeting = facts.Contains(CaseFact.InfoMeeting) ? InfoMeeting : null,
        Enrolment = facts.Contains(CaseFact.Enrolment) ? Enrolment : null,
        Deadline = facts.Contains(CaseFact.Deadline) ? Deadline : null,
        FirstPlan = facts.Contains(CaseFact.FirstPlan) ? FirstPlan : null,
        FirstAssessment = facts.Contains(CaseFact.FirstAssessment) ? FirstAssessment : null,
        Closure = facts.Contains(CaseFact.Closure) ? Closure : null,
        ClosureReason = facts.Contains(CaseFact.ClosureReason) ? ClosureReason : null,
        TwelveMonths = facts.Contains(CaseFact.TwelveMonths) ? TwelveMonths : null,
        FollowUpMonth = facts.Contains(CaseFact.FollowUpMonth) ? FollowUpMonth : null,
        BenefitThatMonth = facts.Contains(CaseFact.BenefitThatMonth) ? BenefitThatMonth : null,
        MunicipalJobEnd = facts.Contains(CaseFact.MunicipalJobEnd) ? MunicipalJobEnd : null,
        ObservedOn = facts.Contains(CaseFact.Observation) ? ObservedOn : null,
        Observed = facts.Contains(CaseFact.Observation) ? Observed : null,
        Days = facts.Contains(CaseFact.Days) ? Days : null,
        Placement = facts.Contains(CaseFact.Placement) ? Placement : null,
        PlacementStart = facts.Contains(CaseFact.Placement) ? PlacementStart : null,
    };
}
