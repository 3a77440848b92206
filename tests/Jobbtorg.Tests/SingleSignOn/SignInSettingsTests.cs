using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Tests.SingleSignOn;

public sealed class SignInSettingsTests
{
    private static StaffSignInOptions With(string? authority, string? clientId = "jobbtorg", bool passwordSignIn = true) => new()
    {
        PasswordSignIn = passwordSignIn,
        OpenIdConnect = new OpenIdConnectSettings { Authority = authority, ClientId = clientId },
    };

    [Theory]
    [InlineData("https://login.stockholm.se")]
    [InlineData("https://login.stockholm.se/realms/staff/")]
    [InlineData("http://localhost:5001")]
    [InlineData("http://127.0.0.1:40213")]
    public void An_https_authority_or_one_on_this_machine_is_accepted(string authority) =>
        Assert.Empty(StaffSignInValidation.Problems(With(authority)));

    [Theory]
    [InlineData("http://login.stockholm.se")]
    [InlineData("http://10.0.0.5")]
    [InlineData("login.stockholm.se")]
    [InlineData("ftp://login.stockholm.se")]
    [InlineData("https://login.stockholm.se/?tenant=1")]
    public void Any_other_authority_is_refused(string authority) =>
        Assert.Contains(StaffSignInValidation.Problems(With(authority)), p => p.Contains("must be an https address"));

    [Fact]
    public void An_authority_needs_a_client_id() =>
        Assert.Contains(StaffSignInValidation.Problems(With("https://login.stockholm.se", clientId: " ")), p => p.Contains("ClientId is required"));

    [Fact]
    public void Without_an_authority_nothing_else_is_asked_for() =>
        Assert.Empty(StaffSignInValidation.Problems(With(null, clientId: null)));

    [Fact]
    public void Password_sign_in_cannot_be_switched_off_without_single_sign_on()
    {
        Assert.Contains(StaffSignInValidation.Problems(With(null, passwordSignIn: false)), p => p.Contains("nobody could sign in"));
        Assert.Empty(StaffSignInValidation.Problems(With("https://login.stockholm.se", passwordSignIn: false)));
    }

    private sealed class AppWith(string authority) : WebApplicationFactory<Program>
    {
        public readonly string DatabasePath = Path.Combine(Path.GetTempPath(), $"jobbtorg-sso-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Jobbtorg", $"Data Source={DatabasePath}");
            builder.UseSetting("Jobbtorg:DemoData", "false");
            builder.UseSetting("Jobbtorg:OpenIdConnect:Authority", authority);
            builder.UseSetting("Jobbtorg:OpenIdConnect:ClientId", "jobbtorg");
            builder.UseSetting("Jobbtorg:Research:PseudonymKey", "test-research-pseudonym-key-0123456789abcdef");
        }
    }

    [Fact]
    public void The_app_refuses_to_start_with_an_identity_provider_on_plain_http()
    {
        using var app = new AppWith("http://login.stockholm.se");
        var error = Assert.Throws<OptionsValidationException>(() => app.Services);
        Assert.Contains("Jobbtorg:OpenIdConnect:Authority must be an https address", error.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(app.DatabasePath);
    }
}
