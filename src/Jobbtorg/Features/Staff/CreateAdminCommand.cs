using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Staff;

/// <summary>
/// `create-admin --email &lt;address&gt; [--name "&lt;display name&gt;"]`: the first administrator of a new installation. Applies
/// the migrations (as `migrate` does), creates the administrator with a one-time password, prints it once and exits.
/// Refused while an active administrator exists: from then on, users are created under Staff.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static bool IsRequested(string[] args) => args.Contains(Name);

    /// <summary>0 when the administrator was created; 1 for a wrong command line or a refused value; 2 when an active
    /// administrator exists already.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync($"Usage: {Name} --email <address> [--name \"<display name>\"]");
            return 1;
        }
        var name = Option(args, "--name") is { Length: > 0 } given ? given : email.Trim().Split('@')[0];

        await app.MigrateAsync();
        using var scope = app.Services.CreateScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffAdministration>();
        if (await staff.AnyActiveAdministratorAsync())
        {
            await error.WriteLineAsync("An active administrator exists already: nothing was created. " +
                                       "An administrator creates further users (and resets passwords) under Staff in the web interface.");
            return 2;
        }
        try
        {
            var (user, password) = await staff.CreateAsync(email, name, Roles.Administrator, StaffBinding.None, StaffActor.CommandLine);
            await output.WriteLineAsync($"Created the administrator {user.DisplayName} <{user.Email}>.");
            await output.WriteLineAsync($"One-time password: {password}");
            await output.WriteLineAsync("It is shown only this once. Sign in with it; you will be asked to choose your own password at once.");
            return 0;
        }
        catch (RuleBrokenException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    /// <summary>`--email a@b.se` or `--email=a@b.se`.</summary>
    private static string? Option(string[] args, string option)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == option) return i + 1 < args.Length ? args[i + 1] : null;
            if (args[i].StartsWith(option + "=", StringComparison.Ordinal)) return args[i][(option.Length + 1)..];
        }
        return null;
    }
}
