using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

/// <summary>Authenticates `Authorization: ApiKey &lt;key&gt;` against the configured, hashed keys. A key bound to a
/// district carries that district's id, so that the rules can compare it with a case's.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<ApiKeyOptions> keys, Data.JobbtorgDb db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static bool IsPresented(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsPresented(Request)) return AuthenticateResult.NoResult();
        var presented = Request.Headers.Authorization.ToString()[(SchemeName.Length + 1)..].Trim();
        var presentedHash = Encoding.ASCII.GetBytes(ApiKeyHash.Of(presented));

        foreach (var key in keys.Value.ApiKeys)
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
