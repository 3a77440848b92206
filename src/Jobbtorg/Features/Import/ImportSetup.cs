using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Import;

public static class ImportSetup
{
    /// <summary>Case events in and out, and their endpoints.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<StoredEvents>();
        services.AddSingleton(ImportSpool.From(configuration, environment));
        services.AddScoped<CaseEventImport>();
        services.AddScoped<CaseEventExport>();
        services.AddSingleton<ImportProgressBoard>();
        services.AddEndpoints(routes => routes.MapImportApi());
        return services;
    }

    /// <summary>Import files a stopped process left behind hold personal numbers: they go at start. Uploads the framework
    /// buffers on disk before the import sees them are kept in the same folder rather than the machine's temp folder.</summary>
    public static void PrepareImportSpool(this WebApplication app)
    {
        var spool = app.Services.GetRequiredService<ImportSpool>();
        spool.Prepare();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_TEMP"))) Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", spool.Folder);
    }
}
