using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.AccessLog;

/// <summary>
/// What the request's access-log entry says about whom it concerned: set from the route's case id before the handler
/// runs (<see cref="ShowsPersonalDataAttribute.CaseRoute"/>), or by a handler that finds the case or person itself
/// (<see cref="Concerns(Case)"/>). One per request.
/// </summary>
public sealed class AccessLogContext
{
    public int? CaseId { get; private set; }
    public string? CaseRef { get; private set; }
    public int? ParticipantId { get; private set; }
    public bool ProtectedIdentity { get; private set; }
    public bool OutsideCaseload { get; internal set; }
    public string? Reason { get; internal set; }

    /// <summary>The request concerned this case and its person (the person's marking is read from the loaded participant).</summary>
    public void Concerns(Case c) => Concerns(c.Id, c.CaseRef, c.ParticipantId, c.Participant?.ProtectedIdentity ?? ProtectedIdentity);

    public void Concerns(int caseId, string caseRef, int participantId, bool protectedIdentity)
    {
        CaseId = caseId;
        CaseRef = caseRef;
        ParticipantId = participantId;
        ProtectedIdentity = protectedIdentity;
    }

    /// <summary>The request concerned this person, with no one case (e.g. a register extract).</summary>
    public void ConcernsPerson(int participantId, bool protectedIdentity)
    {
        ParticipantId = participantId;
        ProtectedIdentity = protectedIdentity;
    }

    /// <summary>A list showed at least one person with protected personal data: the entry is flagged for review.</summary>
    public void ShowedProtectedIdentity() => ProtectedIdentity = true;
}

public static class AccessLogContextExtensions
{
    /// <summary>The request's access-log context, for a handler that finds the case itself (not from the route).</summary>
    public static AccessLogContext AccessLog(this HttpContext http) => http.RequestServices.GetRequiredService<AccessLogContext>();
}
