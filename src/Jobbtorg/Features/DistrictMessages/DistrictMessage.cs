namespace Jobbtorg.Features.DistrictMessages;

/// <summary>
/// A message to a district's social services about one case: one row in the outbox, written in the same transaction
/// as the change that caused it, so a change is never stored without its message nor a message without its change.
/// </summary>
public class DistrictMessage
{
    public long Id { get; set; }
    /// <summary>The id the district deduplicates on; the same on every attempt.</summary>
    public Guid MessageId { get; set; }
    public int DistrictId { get; set; }
    public int CaseId { get; set; }
    public MessageKind Kind { get; set; }
    /// <summary>The JSON sent, exactly: the signature is computed over these bytes.</summary>
    public required string Body { get; set; }
    /// <summary>False when the person has not consented: the message then carries only the case reference.</summary>
    public bool HasDetails { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>A delivery in progress holds the message until then; a crashed one is retried after it.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public string? ReadBy { get; set; }
}
