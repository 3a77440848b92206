namespace Jobbtorg.Features.AccessLog;

/// <summary>
/// One read or change of a person's data: who, when, which person and case, what, from where, and (for a read outside
/// the reader's own caseload) the reason they gave. Append-only: an entry is never changed after it is written, and
/// each carries a hash over its own fields and the hash of the entry before it in <see cref="Sequence"/> order, so a
/// changed or removed entry breaks the chain. Never holds journal text or a personal number.
/// </summary>
public class AccessLogEntry
{
    public const int MaxPrincipalLength = 200;
    public const int MaxPathLength = 300;
    public const int MaxActionLength = 120;
    public const int MaxReasonLength = 300;
    public const int MaxAddressLength = 64;

    public long Id { get; set; }
    /// <summary>The entry's place in the hash chain; null until the entry is sealed into it.</summary>
    public long? Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public PrincipalKind PrincipalKind { get; set; }
    /// <summary>The user's name or the API key's name, as it was at the time.</summary>
    public required string Principal { get; set; }
    /// <summary>The user's id (null for an API key), so a user can be searched for after a change of name.</summary>
    public string? UserId { get; set; }
    public int? ParticipantId { get; set; }
    public int? CaseId { get; set; }
    public string? CaseRef { get; set; }
    public AccessKind Kind { get; set; }
    /// <summary>What was done, e.g. "GET /Cases/Details" or "GET /api/cases/{id}": the page or endpoint and its method.</summary>
    public required string Action { get; set; }
    /// <summary>The path asked for, without query string.</summary>
    public required string Path { get; set; }
    public string? RemoteAddress { get; set; }
    /// <summary>The reason given for a read outside one's own caseload.</summary>
    public string? Reason { get; set; }
    /// <summary>The case was not the reader's own (not their caseload, not their district's referral) when read.</summary>
    public bool OutsideCaseload { get; set; }
    /// <summary>The person had protected personal data when read.</summary>
    public bool ProtectedIdentity { get; set; }
    /// <summary>Hex SHA-256 of the previous entry's hash and this entry's fields; null until sealed.</summary>
    public string? Hash { get; set; }
    /// <summary>The previous entry's <see cref="Hash"/> (empty for the first entry ever): the anchor that lets the chain be
    /// verified from the oldest entry left after older ones were deleted by retention.</summary>
    public string? PreviousHash { get; set; }
}

public enum PrincipalKind { User, ApiKey, System }

public enum AccessKind { Read, Change, Export, Extract }
