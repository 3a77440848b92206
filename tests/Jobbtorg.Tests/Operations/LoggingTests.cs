using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Tests.Operations;

public sealed class LoggingTests
{
    private sealed class AppIn(string environment) : WebApplicationFactory<Program>
    {
        public readonly string DatabasePath = Path.Combine(Path.GetTempPath(), $"jobbtorg-logs-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Jobbtorg", $"Data Source={DatabasePath}");
            builder.UseSetting("Jobbtorg:DemoData", "false");
            builder.UseSetting("Jobbtorg:Attendance:DailyRounds", "false");
            builder.UseSetting("Jobbtorg:Research:PseudonymKey", "test-research-pseudonym-key-0123456789abcdef");
        }

        public ConsoleLoggerOptions Console => Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        /// <summary>One entry written by the console logger's formatter exactly as the app configured it.</summary>
        public string Write(LogLevel level, string category, string message, IExternalScopeProvider scopes)
        {
            var formatter = Services.GetServices<ConsoleFormatter>().Single(f => f.Name == (Console.FormatterName ?? ConsoleFormatterNames.Simple));
            using var writer = new StringWriter();
            formatter.Write(new LogEntry<string>(level, category, new EventId(7), message, null, (state, _) => state), scopes, writer);
            return writer.ToString();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(DatabasePath);
        }
    }

    [Fact]
    public async Task In_Production_each_log_entry_is_one_line_of_JSON_with_a_UTC_time_and_the_request_scope()
    {
        await using var app = new AppIn("Production");
        Assert.Equal(ConsoleFormatterNames.Json, app.Console.FormatterName);
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new Dictionary<string, object> { ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736" });

        var output = app.Write(LogLevel.Warning, "Jobbtorg.Features.DistrictMessages.OutboxDispatcher", "Delivery to the district failed", scopes);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entry = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal("Warning", entry.GetProperty("LogLevel").GetString());
        Assert.Equal("Jobbtorg.Features.DistrictMessages.OutboxDispatcher", entry.GetProperty("Category").GetString());
        Assert.Equal("Delivery to the district failed", entry.GetProperty("Message").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", entry.GetProperty("Timestamp").GetString());
        Assert.Contains("4bf92f3577b34da6a3ce929d0e0e4736", entry.GetProperty("Scopes").GetRawText());
    }

    [Fact]
    public async Task In_Development_the_console_stays_readable_text()
    {
        await using var app = new AppIn("Development");
        Assert.NotEqual(ConsoleFormatterNames.Json, app.Console.FormatterName);

        var output = app.Write(LogLevel.Information, "Jobbtorg.Features.Import.CaseEventImport", "Imported 11 events", new LoggerExternalScopeProvider());

        Assert.StartsWith("info: Jobbtorg.Features.Import.CaseEventImport[7]", output);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(output));
    }
}
