using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

public static class Scopes
{
    public const string ReferralsWrite = "referrals:write";
    public const string Import = "import";
    public const string Export = "export";
    public const string ReportsRead = "reports:read";
    public const string FollowUpWrite = "followup:write";
    public static readonly string[] All = [ReferralsWrite, Import, Export, ReportsRead, FollowUpWrite];
}

/// <summary>A system client's key. Give <see cref="KeyHash"/> (SHA-256, hex) in production;
/// a plain <see cref="Key"/> is accepted for local runs and tests and is hashed on start.</summary>
public sealed class ApiKeyConfig
{
    [Required] public string Name { get; set; } = "";
    public string? Key { get; set; }
    public string? KeyHash { get; set; }
    public List<string> Scopes { get; set; } = [];
    /// <summary>District code a district system's key is bound to.</summary>
    public string? District { get; set; }
}

public sealed class JobbtorgOptions
{
    public bool DemoData { get; set; }
    public List<ApiKeyConfig> ApiKeys { get; set; } = [];
    public DatabaseOptions Database { get; set; } = new();
    public InfoMeetings.InfoMeetingOptions InfoMeetings { get; set; } = new();
    public List<DistrictMessages.DistrictEndpointConfig> DistrictEndpoints { get; set; } = [];
    public DistrictMessages.OutboxOptions Outbox { get; set; } = new();
    public Attendance.AttendanceOptions Attendance { get; set; } = new();
}

public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "Sqlite";
    /// <summary>SQLite always migrates at start; PostgreSQL only when asked (tests), otherwise by `migrate`.</summary>
    public bool MigrateOnStart { get; set; }
}

public static class ApiKeyHash
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>Authenticates `Authorization: ApiKey &lt;key&gt;` against the configured, hashed keys. A key bound to a
/// district carries that district's id, so that the rules can compare it with a case's.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<JobbtorgOptions> jobbtorg, Data.JobbtorgDb db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static bool IsPresented(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsPresented(Request)) return AuthenticateResult.NoResult();
        var presented = Request.Headers.Authorization.ToString()[(SchemeName.Length + 1)..].Trim();
        var presentedHash = Encoding.ASCII.GetBytes(ApiKeyHash.Of(presented));

        foreach (var key in jobbtorg.Value.ApiKeys)
        {
            var expected = key.KeyHash?.ToLowerInvariant() ?? (key.Key is null ? null : ApiKeyHash.Of(key.Key));
            if (expected is null || !CryptographicOperations.FixedTimeEquals(presentedHash, Encoding.ASCII.GetBytes(expected)))
                continue;
            var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
            identity.AddClaim(new(ClaimTypes.Name, key.Name));
            identity.AddClaim(new(JobbtorgClaims.DisplayName, key.Name));
            foreach (var scope in key.Scopes) identity.AddClaim(new(JobbtorgClaims.Scope, scope));
            if (key.District is { } code)
            {
                identity.AddClaim(new(JobbtorgClaims.KeyDistrictCode, code));
                var districtId = await db.Districts.Where(d => d.Code == code).Select(d => (int?)d.Id)
                    .FirstOrDefaultAsync(Context.RequestAborted);
                if (districtId is { } id) identity.AddClaim(new(JobbtorgClaims.District, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }
        return AuthenticateResult.Fail("Unknown API key.");
    }
}
