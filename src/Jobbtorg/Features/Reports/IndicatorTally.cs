using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// The counts behind one set of indicators, for the total or one group. The database hands them over in parts (one
/// part per query and group); every part is a count or a histogram of days, so the parts of all groups add up to the
/// total, medians included.
/// </summary>
internal sealed class IndicatorTally
{
    private static readonly ClosureReason[] Reasons = Enum.GetValues<ClosureReason>();

    public int Enrolled, NewlyEnrolled, Closed, ClosedBeforeEnrolment, ClosedToWorkOrStudies;
    public readonly int[] ClosureReasons = new int[Reasons.Length];
    public readonly int[] JobGuarantee = new int[4]; // by JobGuaranteeState: met, excluded, pending, missed (see Count)
    /// <summary>Initial assessment in time, counted as the job guarantee with the first assessment (A1) for the first plan.</summary>
    public readonly int[] InitialAssessment = new int[4];
    public int SelfSufficient, SelfSufficientOf, SelfSufficientAll, SelfSufficientAllOf;
    public int StillSelfSupporting, StillSelfSupportingKnown, StillSelfSupportingUnknown;
    public int WorkingOrStudying, OccupationKnown, OccupationUnknown;
    /// <summary>Matched employments, subsidised employments and municipal jobs started in the period (placements, not cases).</summary>
    public int JobsMediated;
    /// <summary>Cases by calendar days from referral to enrolment, and to the first attended info meeting.</summary>
    public readonly Dictionary<int, int> DaysToEnrolment = [], DaysToInfoMeeting = [];

    public void Count(JobGuaranteeState state, int cases) => Count(JobGuarantee, state, cases);

    public void CountAssessment(JobGuaranteeState state, int cases) => Count(InitialAssessment, state, cases);

    private static void Count(int[] states, JobGuaranteeState state, int cases)
    {
        switch (state)
        {
            case JobGuaranteeState.Met: states[0] += cases; break;
            case JobGuaranteeState.Excluded: states[1] += cases; break;
            case JobGuaranteeState.Pending: states[2] += cases; break;
            case JobGuaranteeState.Missed: states[3] += cases; break;
        }
    }

    public void AddClosed(ClosureReason reason, int cases)
    {
        Closed += cases;
        ClosureReasons[(int)reason] += cases;
        if (reason is ClosureReason.Work or ClosureReason.Studies) ClosedToWorkOrStudies += cases;
    }

    public void Add(IndicatorTally other)
    {
        Enrolled += other.Enrolled;
        NewlyEnrolled += other.NewlyEnrolled;
        Closed += other.Closed;
        ClosedBeforeEnrolment += other.ClosedBeforeEnrolment;
        ClosedToWorkOrStudies += other.ClosedToWorkOrStudies;
        for (var i = 0; i < ClosureReasons.Length; i++) ClosureReasons[i] += other.ClosureReasons[i];
        for (var i = 0; i < JobGuarantee.Length; i++) JobGuarantee[i] += other.JobGuarantee[i];
        for (var i = 0; i < InitialAssessment.Length; i++) InitialAssessment[i] += other.InitialAssessment[i];
        SelfSufficient += other.SelfSufficient;
        SelfSufficientOf += other.SelfSufficientOf;
        SelfSufficientAll += other.SelfSufficientAll;
        SelfSufficientAllOf += other.SelfSufficientAllOf;
        StillSelfSupporting += other.StillSelfSupporting;
        StillSelfSupportingKnown += other.StillSelfSupportingKnown;
        StillSelfSupportingUnknown += other.StillSelfSupportingUnknown;
        WorkingOrStudying += other.WorkingOrStudying;
        OccupationKnown += other.OccupationKnown;
        OccupationUnknown += other.OccupationUnknown;
        JobsMediated += other.JobsMediated;
        foreach (var (days, cases) in other.DaysToEnrolment) Increment(DaysToEnrolment, days, cases);
        foreach (var (days, cases) in other.DaysToInfoMeeting) Increment(DaysToInfoMeeting, days, cases);
    }

    public static void Increment(Dictionary<int, int> histogram, int days, int cases) =>
        histogram[days] = histogram.GetValueOrDefault(days) + cases;

    public IndicatorSet Result()
    {
        var (met, excluded, pending, missed) = (JobGuarantee[0], JobGuarantee[1], JobGuarantee[2], JobGuarantee[3]);
        return new(
            Enrolled: Enrolled,
            NewlyEnrolled: NewlyEnrolled,
            Closed: Closed,
            ClosedBeforeEnrolment: ClosedBeforeEnrolment,
            ClosureRate: Rate(Closed, Enrolled),
            ClosureReasons: Reasons.ToDictionary(r => r.ToString(), r => ClosureReasons[(int)r]),
            JobGuarantee: new JobGuaranteeOutcome(met, missed, pending, excluded, Rate(met, met + missed)),
            SelfSufficientWithin12Months: new Ratio(SelfSufficient, SelfSufficientOf, Rate(SelfSufficient, SelfSufficientOf)),
            SelfSufficientWithin12MonthsAll: new Ratio(SelfSufficientAll, SelfSufficientAllOf, Rate(SelfSufficientAll, SelfSufficientAllOf)),
            ClosedToWorkOrStudies: new Ratio(ClosedToWorkOrStudies, Closed, Rate(ClosedToWorkOrStudies, Closed)),
            StillSelfSupporting6Months: new RatioWithUnknown(StillSelfSupporting, StillSelfSupportingKnown, StillSelfSupportingUnknown,
                Rate(StillSelfSupporting, StillSelfSupportingKnown)),
            WorkingOrStudying3MonthsAfterMunicipalJob: new RatioWithUnknown(WorkingOrStudying, OccupationKnown, OccupationUnknown,
                Rate(WorkingOrStudying, OccupationKnown)),
            InitialAssessment: Outcome(InitialAssessment),
            JobsMediated: JobsMediated,
            MedianDaysReferralToInfoMeeting: Median(DaysToInfoMeeting),
            MedianDaysReferralToEnrolment: Median(DaysToEnrolment));
    }

    private static JobGuaranteeOutcome Outcome(int[] states)
    {
        var (met, excluded, pending, missed) = (states[0], states[1], states[2], states[3]);
        return new JobGuaranteeOutcome(met, missed, pending, excluded, Rate(met, met + missed));
    }

    private static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    /// <summary>The median of the values a histogram holds: the middle one, or the mean of the two middle ones.</summary>
    internal static double? Median(Dictionary<int, int> histogram)
    {
        var count = histogram.Values.Sum();
        if (count == 0) return null;
        int? lower = null;
        var seen = 0;
        foreach (var (value, cases) in histogram.OrderBy(h => h.Key))
        {
            seen += cases;
            // The lower middle is value number (count - 1) / 2 (from 0), the upper middle value number count / 2.
            if (lower is null && seen > (count - 1) / 2) lower = value;
            if (seen > count / 2) return (lower!.Value + value) / 2.0;
        }
        throw new InvalidOperationException("unreachable: the histogram holds count values");
    }
}
