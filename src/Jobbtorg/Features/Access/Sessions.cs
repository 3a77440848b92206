using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Jobbtorg.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

public sealed class SessionOptions
{
    /// <summary>A session unused this long ends.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);
}

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

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => x.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The cookie handler's ticket store, in the database (see <see cref="UserSession"/>).</summary>
public sealed class DatabaseSessionStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionOptions> options) : ITicketStore
{
    /// <summary>How often the last-seen time is written: often enough for the idle limit, rarely enough not to add a
    /// write to every request.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var userId = ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            ?? throw new InvalidOperationException("A session needs a user.");
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            UserId = userId,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        // Sessions that ran out without anyone coming back go at the next sign-in.
        var idleSince = now - options.Value.IdleTimeout;
        var createdSince = now - options.Value.AbsoluteLifetime;
        await db.Set<UserSession>().Where(s => s.LastSeenAt < idleSince || s.CreatedAt < createdSince).ExecuteDeleteAsync();
        db.Set<UserSession>().Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        await db.Set<UserSession>().Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        var session = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == key);
        if (session is null) return null;
        var now = clock.GetUtcNow();
        if (now - session.LastSeenAt > options.Value.IdleTimeout || now - session.CreatedAt > options.Value.AbsoluteLifetime)
        {
            await db.Set<UserSession>().Where(s => s.Id == key).ExecuteDeleteAsync();
            return null;
        }
        if (now - session.LastSeenAt > TouchEvery)
            await db.Set<UserSession>().Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobbtorgDb>().Set<UserSession>().Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Ends every session of a user at once (deactivation, a password reset).</summary>
    public static Task<int> EndAllAsync(JobbtorgDb db, string userId, CancellationToken ct = default) =>
        db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
}
