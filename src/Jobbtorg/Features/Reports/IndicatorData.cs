using Jobbtorg.Calendar;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// Everything the indicators read, as it stood on <see cref="AsOf"/>: whatever is dated later has already been left
/// out, so many periods and groupings can be computed from one load.
/// </summary>
public sealed class IndicatorData
{
    private IndicatorData(DateOnly asOf, IReadOnlyList<CaseFacts> cases, Dictionary<(int Participant, DateOnly Month), bool> benefitInFollowUpMonths,
        Dictionary<int, OccupationRow[]> occupations)
    {
        AsOf = asOf;
        Cases = cases;
        BenefitInFollowUpMonths = benefitInFollowUpMonths;
        Occupations = occupations;
    }

    public DateOnly AsOf { get; }

    /// <summary>Every case referred on or before <see cref="AsOf"/>.</summary>
    internal IReadOnlyList<CaseFacts> Cases { get; }

    /// <summary>Benefit status per person, kept only for the months some case's six-month follow-up looks at.</summary>
    internal IReadOnlyDictionary<(int Participant, DateOnly Month), bool> BenefitInFollowUpMonths { get; }

    /// <summary>Occupation observations of people who held a municipal job, by date.</summary>
    internal IReadOnlyDictionary<int, OccupationRow[]> Occupations { get; }

    /// <summary>Applies <paramref name="asOf"/> to rows as stored: a referral after it does not exist; an enrolment,
    /// plan agreement, closure, pause, info meeting, placement start or observation after it has not happened; a
    /// resume after it leaves the pause open; a benefit month counts once its first day has come.</summary>
    internal static IndicatorData Create(DateOnly asOf, IEnumerable<CaseRow> cases, IEnumerable<PauseRow> pauses,
        IEnumerable<AttendedInfoMeetingRow> attendedInfoMeetings, IEnumerable<MunicipalJobRow> municipalJobs,
        IEnumerable<BenefitMonthRow> benefitMonths, IEnumerable<OccupationRow> occupations)
    {
        bool Known(DateOnly? date) => date is { } d && d <= asOf;

        var pausesByCase = pauses.Where(p => p.PausedOn <= asOf).GroupBy(p => p.CaseId)
            .ToDictionary(g => g.Key, g => g.Select(p => new PausePeriod(p.PausedOn, Known(p.ResumedOn) ? p.ResumedOn : null)).ToArray());
        var firstAttended = attendedInfoMeetings.Where(m => m.Date <= asOf)
            .GroupBy(m => m.CaseId).ToDictionary(g => g.Key, g => g.Min(m => m.Date));
        var jobEnds = municipalJobs.Where(j => j.Start <= asOf)
            .GroupBy(j => j.CaseId).ToDictionary(g => g.Key, g => g.Select(j => j.End).Order().ToArray());

        var facts = new List<CaseFacts>();
        foreach (var c in cases)
        {
            if (c.ReferralDate > asOf) continue;
            var enrolment = Known(c.EnrolmentDate) ? c.EnrolmentDate : null;
            var closure = Known(c.ClosureDate) ? c.ClosureDate : null;
            facts.Add(new CaseFacts(
                AsOf: asOf,
                ParticipantId: c.ParticipantId,
                Referral: c.ReferralDate,
                Enrolment: enrolment,
                FirstPlanAgreed: enrolment is not null && Known(c.FirstPlanAgreedOn) ? c.FirstPlanAgreedOn : null,
                Pauses: pausesByCase.TryGetValue(c.Id, out var paused) ? paused : [],
                Closure: closure,
                ClosureReason: closure is null ? null : c.ClosureReason,
                ReceivesBenefit: c.ReceivesBenefit,
                FirstAttendedInfoMeeting: firstAttended.TryGetValue(c.Id, out var meeting) ? meeting : null,
                MunicipalJobEnds: jobEnds.GetValueOrDefault(c.Id, []),
                // Reporting group, job centre and coach are fixed at enrolment; a case not enrolled has none.
                ReportingGroup: enrolment is not null && c.ReportingGroup is { } g ? g.ToString() : IndicatorReport.Unassigned,
                JobCentre: enrolment is not null ? c.JobCentre : IndicatorReport.Unassigned,
                District: c.District,
                Gender: c.Gender.ToString(),
                Coach: enrolment is not null ? c.Coach : null));
        }

        // Only the months a six-month follow-up reads are kept: a city has millions of benefit months.
        var followUpMonths = facts.Where(IndicatorCalculator.IsFollowedUpSixMonths)
            .Select(c => (c.ParticipantId, IndicatorCalculator.FollowUpMonth(c.Closure!.Value))).ToHashSet();
        var benefit = new Dictionary<(int, DateOnly), bool>();
        foreach (var b in benefitMonths)
            if (b.Month <= asOf && followUpMonths.Contains((b.ParticipantId, b.Month)))
                benefit[(b.ParticipantId, b.Month)] = b.ReceivesBenefit;

        var municipalJobHolders = facts.Where(c => c.MunicipalJobEnds.Length > 0).Select(c => c.ParticipantId).ToHashSet();
        var observations = occupations.Where(o => o.Date <= asOf && municipalJobHolders.Contains(o.ParticipantId))
            .GroupBy(o => o.ParticipantId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Date).ToArray());

        return new IndicatorData(asOf, facts, benefit, observations);
    }
}
