using Jobbtorg.Calendar;
using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Reports;

/// <summary>A case as the indicators see it on the data's as-of date. Group keys are ready to use.</summary>
internal sealed record CaseFacts(
    DateOnly AsOf,
    int ParticipantId,
    DateOnly Referral,
    DateOnly? Enrolment,
    DateOnly? FirstPlanAgreed,
    PausePeriod[] Pauses,
    DateOnly? Closure,
    ClosureReason? ClosureReason,
    bool ReceivesBenefit,
    DateOnly? FirstAttendedInfoMeeting,
    DateOnly[] MunicipalJobEnds,
    string ReportingGroup,
    string JobCentre,
    string District,
    string Gender,
    string? Coach)
{
    private JobGuaranteeState? jobGuarantee;

    /// <summary>The job-guarantee state on <see cref="AsOf"/>, as the case page shows it. Worked out when first asked:
    /// only the cases newly enrolled in a reported period need it.</summary>
    public JobGuaranteeState JobGuarantee => jobGuarantee ??=
        Cases.JobGuarantee.StateOf(Enrolment, FirstPlanAgreed, Pauses, Closure, AsOf);
}
