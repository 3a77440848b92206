using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jobbtorg.Tests.Http;

public sealed class ProductionGuardTests
{
    private sealed class ProductionApp(bool demoData) : WebApplicationFactory<Program>
    {
        public readonly string DatabasePath = Path.Combine(Path.GetTempPath(), $"jobbtorg-prod-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Jobbtorg", $"Data Source={DatabasePath}");
            builder.UseSetting("Jobbtorg:DemoData", demoData ? "true" : "false");
            builder.UseSetting("AllowedHosts", "localhost");
            builder.UseSetting("Jobbtorg:Research:PseudonymKey", "test-research-pseudonym-key-0123456789abcdef");
        }
    }

    [Fact]
    public void Production_refuses_to_start_with_demo_logins()
    {
        using var app = new ProductionApp(demoData: true);
        var error = Assert.Throws<InvalidOperationException>(() => app.Services);
        Assert.Contains("Development only", error.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(app.DatabasePath);
    }

    [Fact]
    public async Task Production_starts_with_reference_data_only_and_no_demo_users()
    {
        using var app = new ProductionApp(demoData: false);
        // Production answers over https only (behind the city's proxy), and its cookies are Secure.
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        var login = await client.SubmitFormAsync("/Account/Login", new() { ["Input.Email"] = "admin@demo.jobbtorg.se", ["Input.Password"] = Jobbtorg.Data.DemoData.Password });
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode); // the form again, with an error: no such user
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(app.DatabasePath);
    }
}
