using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Shared;

/// <summary>Tells the person who just ran the app where it is and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        // Outside Development the console carries JSON log lines only; the host logs its addresses there itself.
        if (!app.Environment.IsDevelopment()) return;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine($"Jobbtorg is running: {string.Join("  ", addresses)}");
        if (app.Services.GetRequiredService<IOptions<DemoDataOptions>>().Value.DemoData)
        {
            Console.WriteLine($"Demo logins (password for all: {DemoData.Password}):");
            foreach (var (email, name, role, centre, district) in DemoData.Users)
                Console.WriteLine($"  {role,-14} {email,-40} {name} ({centre ?? district ?? "all"})");
            foreach (var (email, name, organisationNumber) in DemoData.ProviderUsers)
                Console.WriteLine($"  {Roles.Provider,-14} {email,-40} {name} (provider {organisationNumber})");
        }
        Console.WriteLine();
    }
}
