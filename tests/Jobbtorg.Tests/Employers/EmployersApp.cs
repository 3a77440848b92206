using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.Employers;

/// <summary>The app for the employer tests, with a key for each of the employer scopes and one without them.</summary>
public sealed class EmployersApp : IAsyncLifetime
{
    public const string ReadKey = "employers-read-key";
    public const string WriteKey = "employers-write-key";
    public const string ReportsKey = "employers-reports-key";

    public JobbtorgAppFactory App { get; } = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:ApiKeys:3:Name"] = "employers-reader", ["Jobbtorg:ApiKeys:3:Key"] = ReadKey, ["Jobbtorg:ApiKeys:3:Scopes:0"] = Scopes.EmployersRead,
        ["Jobbtorg:ApiKeys:4:Name"] = "employers-writer", ["Jobbtorg:ApiKeys:4:Key"] = WriteKey, ["Jobbtorg:ApiKeys:4:Scopes:0"] = Scopes.EmployersWrite,
        ["Jobbtorg:ApiKeys:5:Name"] = "reports-only", ["Jobbtorg:ApiKeys:5:Key"] = ReportsKey, ["Jobbtorg:ApiKeys:5:Scopes:0"] = Scopes.ReportsRead,
    }, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)));

    public DateOnly Today => App.Today;

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
