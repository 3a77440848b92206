using System.IO.Hashing;
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
    /// <summary>The stored case's person; a new case's is the one its referral names.</summary>
    public int? ParticipantId { get; set; }
    public bool Existing { get; init; }
    /// <summary>False for a stored case known only by its dates and status (its person was looked up), until a line
    /// names it and its events are read.</summary>
    public bool Replayed { get; set; }
    public bool Changed { get; set; }
    public long ReferralLine { get; init; }
    public int DistrictId { get; init; }
    public int JobCentreId { get; set; }
    public TargetGroup TargetGroup { get; init; }
    public bool NewlyArrived { get; init; }
    /// <summary>Where the case stands, as the events so far leave it.</summary>
    public CaseLifecycle Life { get; set; }
    public string? CoachId { get; set; }
    public string? CoachRef { get; set; }
    public ReportingGroup? ReportingGroup { get; set; }
    public DateOnly? FirstAttendedInfoMeeting { get; set; }

    // Kept while storing: the stored plan numbering and a pause not yet written (its row is written once it ends).
    public int PlanNumber { get; set; }
    public int? StoredOpenPauseId { get; set; }
    public CaseEvent? PendingPause { get; set; }
}

internal sealed class PersonState
{
    public int? ParticipantId { get; set; }
    /// <summary>The gender the person is stored with; null for a person the stream brings.</summary>
    public Gender? StoredGender { get; init; }
    /// <summary>The gender of the person's latest referral, stored or in the stream: the person shows it
    /// (domain.md "Settled readings": the gender belongs to the referral).</summary>
    public Gender Gender { get; private set; }
    public DateOnly? LatestReferral { get; private set; }
    public List<CaseState> Cases { get; } = [];

    public static PersonState Stored(int participantId, Gender gender) => new() { ParticipantId = participantId, StoredGender = gender, Gender = gender };

    /// <summary>A referral of the person, stored or read from the stream. Referrals come in any order across cases: the
    /// latest by date decides, and of two on one day the one read last.</summary>
    public void Referred(DateOnly date, Gender gender)
    {
        if (LatestReferral > date) return;
        LatestReferral = date;
        Gender = gender;
    }
}

/// <summary>Remembers which events are already held, by a 128-bit hash of their canonical line. XXH3 rather than a
/// cryptographic hash: two of a few million different events share a hash about once in 10^25 imports, and a stream's
/// sender gains nothing by making two collide that leaving a line out would not give (SHA-256 took a seventh of the
/// import's time).</summary>
internal sealed class EventFingerprints
{
    private readonly HashSet<UInt128> seen = [];

    public bool Add(CaseEvent e) => seen.Add(Of(e));

    public void Remove(CaseEvent e) => seen.Remove(Of(e));

    private static UInt128 Of(CaseEvent e) => XxHash128.HashToUInt128(CaseEventFormat.Canonical(e.AsFact()));
}

/// <summary>Applies the events of one case, as the stream is read, through the same <see cref="CaseLifecycle"/> the
/// entity uses; a refused event is reported with the lifecycle's own message, naming the case and the event's date.</summary>
internal sealed class CaseRules(IReadOnlyDictionary<string, int> centreIds, Func<string, int, string?> coachUserId,
    Func<string, DateOnly, int?> ageOn)
{
    /// <summary>Applies a case event (not a referral) to its case; null when it is in order, else the reason.</summary>
    public Message? Apply(CaseState c, CaseEvent e)
    {
        var step = e.Type switch
        {
            CaseEventType.InfoMeeting => c.Life.InfoMeeting(e.Date),
            CaseEventType.Enrolment => c.Life.Enrol(e.Date),
            CaseEventType.PlanAgreed => c.Life.AgreePlan(e.Date),
            CaseEventType.Pause => c.Life.Pause(e.Date),
            CaseEventType.Resume => c.Life.Resume(e.Date),
            CaseEventType.Attendance or CaseEventType.Placement => c.Life.Record(e.Date),
            CaseEventType.Closure => c.Life.Close(e.Date, e.ClosureReason, e.ClosureSubReason),
            CaseEventType.Assessment => c.Life.Assess(e.Date),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Type, "Not an event of a case's life."),
        };
        if (step.Broken is { } broken)
            return new Message("Case {0} on {1}: {2}", c.CaseRef, e.Date, new Message(broken.Template, broken.Args));

        if (e.Type == CaseEventType.Enrolment)
        {
            if (!centreIds.TryGetValue(e.JobCentre!, out var centre)) return new Message("There is no job centre with the code '{0}'.", e.JobCentre);
            c.JobCentreId = centre;
            c.CoachId = e.Coach is null ? null : coachUserId(e.Coach, centre);
            c.CoachRef = c.CoachId is null ? e.Coach : null;
            c.ReportingGroup = Case.ReportingGroupOf(c.TargetGroup, c.NewlyArrived, ageOn(c.PersonalNumber, e.Date));
        }
        if (e.Type == CaseEventType.InfoMeeting && e.Attended && !(c.FirstAttendedInfoMeeting <= e.Date)) c.FirstAttendedInfoMeeting = e.Date;
        c.Life = step.State;
        return null;
    }
}
