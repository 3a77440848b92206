using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Jobbtorg";

    public static IServiceCollection AddJobbtorgDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration("Jobbtorg:Database").ValidateDataAnnotations().ValidateOnStart();
        // The demo data setting is directly under Jobbtorg, so its options read that section (and nothing else in it).
        services.AddOptions<DemoDataOptions>().BindConfiguration("Jobbtorg").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DemoData>();
        var provider = configuration["Jobbtorg:Database:Provider"] ?? "Sqlite";
        var connection = configuration.GetConnectionString(ConnectionName);
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Jobbtorg:Database:Provider is Postgres but ConnectionStrings:Jobbtorg is not set.");
            connection = PostgresConnection.AsTheAppUsesIt(connection);
            // Pooled: a request leases a context whose EF Core services are already built, instead of building them for
            // every request (the case page spent less of the app's CPU a request with it). The context holds no state of
            // its own; EF Core resets the change tracker and the database settings when a lease ends.
            services.AddDbContextPool<JobbtorgDb, PostgresJobbtorgDb>(o => o.UseNpgsql(connection));
            AddReportsDb(services, configuration, c =>
            {
                var options = ReportsDb.ReplicaOptions<PostgresJobbtorgDb>(c);
                return () => new PostgresJobbtorgDb(options);
            });
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                var folder = Path.Combine(environment.ContentRootPath, "App_Data");
                Directory.CreateDirectory(folder);
                connection = $"Data Source={Path.Combine(folder, "jobbtorg.db")}";
            }
            services.AddDbContextPool<JobbtorgDb, SqliteJobbtorgDb>(o => o.UseSqlite(connection).AddInterceptors(new SqliteReadsMapped()));
            AddReportsDb(services, configuration, c =>
            {
                var options = ReportsDb.ReplicaOptions<SqliteJobbtorgDb>(c);
                return () => new SqliteJobbtorgDb(options);
            });
        }
        else
        {
            throw new InvalidOperationException($"Jobbtorg:Database:Provider must be Sqlite or Postgres, not '{provider}'.");
        }
        return services;
    }

    /// <summary>The reports' context: on `ConnectionStrings:JobbtorgReports` when set (a read replica), else the main one.</summary>
    private static void AddReportsDb(IServiceCollection services, IConfiguration configuration, Func<string, Func<JobbtorgDb>> replica)
    {
        var reports = configuration.GetConnectionString(ReportsDb.ConnectionName);
        if (string.IsNullOrWhiteSpace(reports))
        {
            services.AddScoped(sp => ReportsDb.OnMain(sp.GetRequiredService<JobbtorgDb>()));
            return;
        }
        // The options once: the context's own services are built once for them, not for every request.
        var create = replica(reports);
        services.AddScoped(_ => ReportsDb.OnReplicaOf(create()));
    }

    /// <summary>Applies migrations (always for the embedded SQLite file, for PostgreSQL when configured),
    /// seeds reference data and, in Development, demo data; refuses to start anywhere else with demo logins.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<JobbtorgDb>();
        var options = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        // Demo logins have published passwords: they exist in Development and nowhere else (a staging or test
        // environment with real-looking data is as exposed as production).
        if (!app.Environment.IsDevelopment() && options.DemoData)
            throw new InvalidOperationException(
                $"Demo data and demo logins are for Development only: set Jobbtorg:DemoData=false (environment {app.Environment.EnvironmentName}).");

        // Migrate only when something is pending: Migrate also compares the whole model with the last migration's
        // snapshot, a good part of a second's work at every start (scripts/test checks that they agree).
        var pending = (await db.Database.GetPendingMigrationsAsync()).Any();
        if (pending && (db is SqliteJobbtorgDb || database.MigrateOnStart))
            await db.Database.MigrateAsync();
        else if (pending)
        {
            // A new version started before `migrate` ran: start anyway and answer /health/ready with 503, so that the
            // load balancer keeps requests away until the command has run (it seeds what is skipped here).
            app.Logger.LogWarning("The database lacks migrations of this version; run the migrate command. Not ready until then.");
            return;
        }

        await ReferenceData.SeedAsync(db);
        await Features.Assessments.InstrumentSeeds.SeedAsync(db, services.GetRequiredService<TimeProvider>());
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());

        if (!app.Environment.IsDevelopment())
        {
            if (await db.Users.AnyAsync(u => u.IsDemo))
                throw new InvalidOperationException(
                    $"The database holds demo users with known passwords; remove them before running outside Development (environment {app.Environment.EnvironmentName}).");
        }
        else if (options.DemoData)
        {
            await Features.Organisation.DemoJobCentreContacts.FillAsync(db);
            await services.GetRequiredService<DemoData>().SeedAsync();
        }
    }

    /// <summary>`dotnet run -- migrate`: applies the migrations of the configured provider and exits.</summary>
    public static async Task MigrateAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        await db.Database.MigrateAsync();
        await ReferenceData.SeedAsync(db);
        await Features.Assessments.InstrumentSeeds.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
