using System.Net;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jobbtorg.Tests.Staff.StaffKit;

namespace Jobbtorg.Tests.Staff;

/// <summary>The command writes to the console, which belongs to the whole test process: these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

/// <summary>
/// `create-admin` run in-process, through the application's own entry point, against a fresh database of the configured
/// provider (a SQLite file, or a new PostgreSQL database when JOBBTORG_TEST_DB=Postgres), as an operator runs it before
/// the first start.
/// </summary>
[Collection(ConsoleCollection.Name)]
[Trait("Category", "Http")]
public sealed partial class CreateAdminCommandTests : IAsyncLifetime
{
    private readonly string database = JobbtorgAppFactory.NewDatabaseName();
    private string connection = "";

    public async Task InitializeAsync()
    {
        if (JobbtorgAppFactory.OnPostgres)
        {
            await PostgresTestDatabase.CreateAsync(database);
            connection = PostgresTestDatabase.Server + $";Database={database}";
        }
        else
        {
            connection = $"Data Source={Path.Combine(Path.GetTempPath(), database + ".db")}";
        }
    }

    public async Task DisposeAsync()
    {
        if (JobbtorgAppFactory.OnPostgres)
        {
            await PostgresTestDatabase.DropAsync(database, connection);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(Path.Combine(Path.GetTempPath(), database + ".db"));
        }
    }

    [GeneratedRegex(@"^One-time password: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PrintedPassword();

    /// <summary>`dotnet Jobbtorg.dll create-admin …` with the database given on the command line, as configuration.</summary>
    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        string[] all = [.. args, "--environment", "Testing", "--Jobbtorg:Database:Provider", JobbtorgAppFactory.OnPostgres ? "Postgres" : "Sqlite",
            "--ConnectionStrings:Jobbtorg", connection];
        var (output, error) = (new StringWriter(), new StringWriter());
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Synchronized(output));
        Console.SetError(TextWriter.Synchronized(error));
        try
        {
            // The asynchronous body of the top-level statements; the entry point proper only waits for it.
            var main = typeof(Program).GetMethod("<Main>$", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)
                       ?? throw new InvalidOperationException("The app has no asynchronous entry point.");
            var exit = await (Task<int>)main.Invoke(null, [all])!;
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public async Task The_first_administrator_is_created_on_an_empty_database_and_must_choose_a_password_at_the_first_sign_in()
    {
        var (exit, output, error) = await RunAsync("create-admin", "--email", "eva.forsberg@stad.se", "--name", "Eva Forsberg");
        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("Eva Forsberg <eva.forsberg@stad.se>", output);
        var password = PrintedPassword().Match(output).Groups[1].Value;
        Assert.Matches("^[2-9a-z]{4}(-[2-9a-z]{4}){3}$", password);

        await using var app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>(), database, createDatabase: false, dropDatabase: false);
        await app.InitializeAsync();
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
            Assert.Equal(("Eva Forsberg", true, true), (admin.DisplayName, admin.MustChangePassword, admin.IsActive));
        }

        var (client, signIn) = await SignInAsync(app, "eva.forsberg@stad.se", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Account/Password", await LandsOnAsync(client, "/Staff"));
        var changed = await client.SubmitFormAsync("/Account/Password", new()
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "stadshusets torn är högt", ["Input.RepeatPassword"] = "stadshusets torn är högt",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/Staff", await LandsOnAsync(client, "/Staff"));
    }

    [Fact]
    public async Task A_second_administrator_is_refused_with_a_clear_message_and_a_non_zero_exit_code()
    {
        Assert.Equal(0, (await RunAsync("create-admin", "--email=forsta@stad.se")).Exit);

        var (exit, output, error) = await RunAsync("create-admin", "--email", "andra@stad.se", "--name", "Andra Admin");
        Assert.NotEqual(0, exit);
        Assert.Contains("An active administrator exists already", error);
        Assert.DoesNotContain("One-time password", output);

        await using var app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>(), database, createDatabase: false, dropDatabase: false);
        await app.InitializeAsync();
        Assert.Equal(["forsta@stad.se"], await app.WithDbAsync(db => db.Users.Select(u => u.Email!).ToListAsync()));
    }

    [Fact]
    public async Task Without_an_e_mail_address_the_command_explains_itself_and_fails()
    {
        var (exit, _, error) = await RunAsync("create-admin");
        Assert.Equal(1, exit);
        Assert.Contains("Usage: create-admin --email <address>", error);
    }
}
