using System.Security.Cryptography;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Import;

/// <summary>What the import knows of one case while it reads the stream: enough to check the order of its
/// events and to write its row, not the events themselves.</summary>
internal sealed class CaseState
{
    public required string CaseRef { get; init; }
    public required string PersonalNumber { get; init; }
    public int? Id { get; set; }
    public bool Existing { get; init; }
    public bool Changed { get; set; }
    public long ReferralLine { get; init; }
    public DateOnly ReferralDate { get; init; }
    public int DistrictId { get; init; }
    public int JobCentreId { get; set; }
    public TargetGroup TargetGroup { get; init; }
    public bool NewlyArrived { get; init; }
    public CaseStatus Status { get; set; } = CaseStatus.Referred;
    public DateOnly? Enrolment { get; set; }
    public string? CoachId { get; set; }
    public string? CoachRef { get; set; }
    public ReportingGroup? ReportingGroup { get; set; }
    public DateOnly? FirstPlan { get; set; }
    public DateOnly? LastPlan { get; set; }
    public DateOnly? OpenPauseStart { get; set; }
    public DateOnly? LastResume { get; set; }
    /// <summary>The latest date of any event: a closure may not come before it.</summary>
    public DateOnly Latest { get; set; }
    public DateOnly? Closure { get; set; }
    public ClosureReason? ClosureReason { get; set; }
    public ClosureSubReason? ClosureSubReason { get; set; }

    // Kept while storing: the stored plan numbering and a pause not yet written (its row is written once it ends).
    public int PlanNumber { get; set; }
    public int? StoredOpenPauseId { get; set; }
    public CaseEvent? PendingPause { get; set; }
}

internal sealed class PersonState
{
    public int? ParticipantId { get; set; }
    public Gender Gender { get; init; }
    public long GenderLine { get; init; }
    public List<CaseState> Cases { get; } = [];
}

/// <summary>Remembers which events are already held, by a 128-bit hash of their canonical line.</summary>
internal sealed class EventFingerprints
{
    private readonly HashSet<UInt128> seen = [];

    public bool Add(CaseEvent e) => seen.Add(Of(e));

    public void Remove(CaseEvent e) => seen.Remove(Of(e));

    private static UInt128 Of(CaseEvent e)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(CaseEventFormat.Canonical(e), hash);
        return new UInt128(BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]));
    }
}

/// <summary>The order rules of domain.md for the events of one case, applied as the stream is read.</summary>
internal sealed class CaseRules(Texts texts, IReadOnlyDictionary<string, int> centreIds, Func<string, int, string?> coachUserId,
    Func<string, DateOnly, int?> ageOn)
{
    /// <summary>Applies a case event (not a referral) to its case; null when it is in order, else the reason.</summary>
    public string? Apply(CaseState c, CaseEvent e)
    {
        if (c.Status == CaseStatus.Closed)
            return texts.Format("The case {0} was closed on {1}; no event may follow its closure.", c.CaseRef, c.Closure);
        if (e.Date < c.ReferralDate)
            return texts.Format("The event is dated {0}, before the case's referral on {1}.", e.Date, c.ReferralDate);

        switch (e.Type)
        {
            case CaseEventType.InfoMeeting:
                break;
            case CaseEventType.Enrolment:
                if (c.Enrolment is { } enrolled) return texts.Format("The case {0} is already enrolled (on {1}).", c.CaseRef, enrolled);
                if (!centreIds.TryGetValue(e.JobCentre!, out var centre)) return texts.Format("There is no job centre with the code '{0}'.", e.JobCentre);
                c.Enrolment = e.Date;
                c.JobCentreId = centre;
                c.CoachId = e.Coach is null ? null : coachUserId(e.Coach, centre);
                c.CoachRef = c.CoachId is null ? e.Coach : null;
                c.ReportingGroup = Case.ReportingGroupOf(c.TargetGroup, c.NewlyArrived, ageOn(c.PersonalNumber, e.Date));
                c.Status = CaseStatus.Enrolled;
                break;
            case CaseEventType.PlanAgreed:
                if (c.Enrolment is not { } e1) return texts.Format("The case {0} is not enrolled; a plan is agreed after enrolment.", c.CaseRef);
                if (e.Date < e1) return texts.Format("The plan is agreed on {0}, before the enrolment on {1}.", e.Date, e1);
                if (e.Date < c.LastPlan) return texts.Format("The plan is agreed on {0}, before the previous agreement on {1}.", e.Date, c.LastPlan);
                c.FirstPlan ??= e.Date;
                c.LastPlan = e.Date;
                break;
            case CaseEventType.Pause:
                if (c.Enrolment is not { } e2) return texts.Format("The case {0} is not enrolled; only an enrolled case can be paused.", c.CaseRef);
                if (c.OpenPauseStart is { } since) return texts.Format("The case {0} is already paused (since {1}).", c.CaseRef, since);
                if (e.Date < e2) return texts.Format("The pause starts on {0}, before the enrolment on {1}.", e.Date, e2);
                if (e.Date < c.LastResume) return texts.Format("The pause starts on {0}, before the previous pause ended on {1}.", e.Date, c.LastResume);
                c.OpenPauseStart = e.Date;
                c.Status = CaseStatus.Paused;
                break;
            case CaseEventType.Resume:
                if (c.OpenPauseStart is not { } paused) return texts.Format("The case {0} is not paused.", c.CaseRef);
                if (e.Date < paused) return texts.Format("The case cannot resume on {0}, before it was paused on {1}.", e.Date, paused);
                c.OpenPauseStart = null;
                c.LastResume = e.Date;
                c.Status = CaseStatus.Enrolled;
                break;
            case CaseEventType.Attendance or CaseEventType.Placement:
                if (c.Enrolment is not { } e3) return texts.Format("The case {0} is not enrolled; attendance and placements belong to enrolled cases.", c.CaseRef);
                if (e.Date < e3) return texts.Format("The event is dated {0}, before the enrolment on {1}.", e.Date, e3);
                break;
            case CaseEventType.Closure:
                if (e.Date < c.Latest) return texts.Format("The closure on {0} is before the case's latest event on {1}.", e.Date, c.Latest);
                if (c.OpenPauseStart is not null)
                {
                    // As when a case is closed here: a pause still open ends with the closure.
                    c.OpenPauseStart = null;
                    c.LastResume = e.Date;
                }
                c.Closure = e.Date;
                c.ClosureReason = e.ClosureReason;
                c.ClosureSubReason = e.ClosureSubReason;
                c.Status = CaseStatus.Closed;
                break;
        }
        if (e.Date > c.Latest) c.Latest = e.Date;
        return null;
    }
}
