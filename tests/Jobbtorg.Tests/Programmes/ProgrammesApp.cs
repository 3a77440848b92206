using Jobbtorg.Features.Access;
using Jobbtorg.Features.Programmes;
using Jobbtorg.Tests.Http;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.Programmes;

/// <summary>The app for the programme tests, with a key for programmes:write, one for reports:read, and one with neither.</summary>
public sealed class ProgrammesApp : IAsyncLifetime
{
    public const string WriteKey = "programmes-write-key";
    public const string ReportsKey = "programmes-reports-key";
    public const string OtherKey = "programmes-other-key";

    public JobbtorgAppFactory App { get; } = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:ApiKeys:3:Name"] = "programmes-writer", ["Jobbtorg:ApiKeys:3:Key"] = WriteKey, ["Jobbtorg:ApiKeys:3:Scopes:0"] = Scopes.ProgrammesWrite,
        ["Jobbtorg:ApiKeys:4:Name"] = "reports-only", ["Jobbtorg:ApiKeys:4:Key"] = ReportsKey, ["Jobbtorg:ApiKeys:4:Scopes:0"] = Scopes.ReportsRead,
        ["Jobbtorg:ApiKeys:5:Name"] = "employers-only", ["Jobbtorg:ApiKeys:5:Key"] = OtherKey, ["Jobbtorg:ApiKeys:5:Scopes:0"] = Scopes.EmployersRead,
    }, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)));

    public DateOnly Today => App.Today;

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    /// <summary>A new active programme, stored as a manager would create it.</summary>
    public Task<int> ProgrammeAsync(string? name = null, ProgrammeKind kind = ProgrammeKind.LeavingCrime, bool active = true) => App.WithDbAsync(async db =>
    {
        var p = Programme.Create(new ProgrammeRequest { Name = name ?? "Insats " + Guid.NewGuid().ToString("N")[..8], Kind = kind, IsActive = active },
            "Test", App.Clock.GetUtcNow());
        db.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });
}
