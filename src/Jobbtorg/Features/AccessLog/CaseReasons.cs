using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.AccessLog;

/// <summary>
/// The reasons a staff member gave for opening cases outside their own caseload, kept in a protected cookie of their
/// browser for <see cref="AccessLogOptions.ReasonRememberedMinutes"/>: the latest few cases, each for its own case only.
/// A cookie (not the server's memory) so that every app instance reads it.
/// </summary>
public sealed class CaseReasons(IDataProtectionProvider protection, IOptions<AccessLogOptions> options, TimeProvider clock)
{
    public const string CookieName = "jobbtorg.reasons";
    /// <summary>The most cases remembered at once; the oldest is forgotten first.</summary>
    public const int MaxCases = 6;

    private readonly IDataProtector protector = protection.CreateProtector("Jobbtorg.AccessLog.CaseReasons");

    private sealed record Kept(int Case, string Reason, DateTimeOffset Until);
    private sealed record Stored(string User, List<Kept> Cases);

    public string? ReasonFor(HttpContext http, string userId, int caseId) =>
        Read(http, userId).FirstOrDefault(k => k.Case == caseId)?.Reason;

    public void Remember(HttpContext http, string userId, int caseId, string reason)
    {
        var now = clock.GetUtcNow();
        var cases = Read(http, userId).Where(k => k.Case != caseId).ToList();
        cases.Add(new Kept(caseId, reason, now.AddMinutes(options.Value.ReasonRememberedMinutes)));
        var stored = new Stored(userId, cases.TakeLast(MaxCases).ToList());
        http.Response.Cookies.Append(CookieName, protector.Protect(JsonSerializer.Serialize(stored)), new CookieOptions
        {
            // A cookie for the browser session; each reason in it carries its own time limit.
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/",
        });
    }

    private List<Kept> Read(HttpContext http, string userId)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return [];
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(protector.Unprotect(value));
            var now = clock.GetUtcNow();
            // Another user's reasons (a shared browser) are not this user's.
            return stored is null || stored.User != userId ? [] : stored.Cases.Where(k => k.Until > now).ToList();
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return [];
        }
    }
}
