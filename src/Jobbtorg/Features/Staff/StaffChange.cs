using Jobbtorg.Features.Access;

namespace Jobbtorg.Features.Staff;

/// <summary>
/// One change to a user's account: who made it, when and what. Append-only: rows are written by the use cases in
/// <see cref="StaffAdministration"/> in the same transaction as the change, and never changed or removed.
/// Roles are kept by their code and bindings by the name they had then, so the history reads as it was.
/// </summary>
public class StaffChange
{
    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    /// <summary>Null when the change was made from the command line (the first administrator).</summary>
    public string? ById { get; private set; }
    public string ByName { get; private set; } = "";
    public StaffChangeKind Kind { get; private set; }
    public string? PreviousRole { get; private set; }
    public string? PreviousBinding { get; private set; }
    public string? Role { get; private set; }
    public string? Binding { get; private set; }
    /// <summary>For a handover: which case went to whom (case numbers and coaches' names).</summary>
    public string? Details { get; private set; }

    private StaffChange() { }

    public static StaffChange Of(AppUser user, StaffChangeKind kind, StaffActor by, DateTimeOffset at,
        string? role = null, string? binding = null, string? previousRole = null, string? previousBinding = null, string? details = null) => new()
    {
        UserId = user.Id,
        At = at,
        ById = by.Id,
        ByName = by.Name,
        Kind = kind,
        Role = role,
        Binding = binding,
        PreviousRole = previousRole,
        PreviousBinding = previousBinding,
        Details = details,
    };
}
