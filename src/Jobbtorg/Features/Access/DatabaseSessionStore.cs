using System.Security.Cryptography;
using Jobbtorg.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

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
