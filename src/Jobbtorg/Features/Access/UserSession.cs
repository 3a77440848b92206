namespace Jobbtorg.Features.Access;

/// <summary>A signed-in session, held on the server: the cookie carries only its random key. Signing out, an idle or
/// absolute limit, or deactivating the user deletes the row, and the cookie then opens nothing, wherever it was
/// copied to and on every app instance.</summary>
public class UserSession
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
