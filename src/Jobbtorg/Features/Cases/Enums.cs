namespace Jobbtorg.Features.Cases;

public enum TargetGroup { UnemployedOnBenefit, NewApplicant, SfiStudent, AdultRefugee, Youth }
public enum Gender { F, M, X }
public enum ReportingGroup { NewlyArrivedRefugee, Youth, Other25Plus }
public enum CaseStatus { Referred, Enrolled, Paused, Closed }
public enum PauseReason { Sickness, ParentalLeave, Other }
public enum ClosureReason { Work, Studies, EmploymentProgramme, Other, Unknown }
public enum ClosureSubReason { Unsubsidised, Subsidised, NotInTargetGroup, NoLongerOnBenefit, SelfSupportingOtherwise, Moved, Other }
public enum ReferralChannel { Form, Api, Import }
public enum JobGuaranteeState { NotEnrolled, Pending, Met, Missed, Excluded }

public static class ClosureReasons
{
    /// <summary>The reasons that count as self-sufficiency in the indicators (domain.md).</summary>
    public static readonly ClosureReason?[] SelfSufficiency = [ClosureReason.Work, ClosureReason.Studies, ClosureReason.EmploymentProgramme];

    public static readonly ClosureSubReason[] WorkSubReasons = [ClosureSubReason.Unsubsidised, ClosureSubReason.Subsidised];
    public static readonly ClosureSubReason[] OtherSubReasons =
        [ClosureSubReason.NotInTargetGroup, ClosureSubReason.NoLongerOnBenefit, ClosureSubReason.SelfSupportingOtherwise, ClosureSubReason.Moved, ClosureSubReason.Other];

    public static IReadOnlyList<ClosureSubReason> SubReasonsFor(ClosureReason reason) => reason switch
    {
        ClosureReason.Work => WorkSubReasons,
        ClosureReason.Other => OtherSubReasons,
        _ => [],
    };
}
