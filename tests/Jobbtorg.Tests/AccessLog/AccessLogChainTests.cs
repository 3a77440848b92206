using Microsoft.Extensions.DependencyInjection;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.AccessLog;

/// <summary>The hash chain: untouched it verifies; a changed field or a removed entry is reported where it happened; the
/// oldest entries removed by retention leave the rest verifiable.</summary>
[Trait("Category", "Http")]
public sealed class AccessLogChainTests(JobbtorgAppFactory app) : IClassFixture<JobbtorgAppFactory>
{
    private static AccessLogEntry Entry(int i, DateTimeOffset at) => new()
    {
        At = at.AddSeconds(i), PrincipalKind = PrincipalKind.User, Principal = $"Handläggare {i}", UserId = $"u{i}", ParticipantId = i, CaseId = i,
        CaseRef = $"JT-{i}", Kind = AccessKind.Read, Action = "GET /Cases/Details", Path = $"/Cases/Details/{i}", RemoteAddress = "127.0.0.1",
        Reason = i % 3 == 0 ? "Möte eller gemensam planering om personen" : null, OutsideCaseload = i % 3 == 0, ProtectedIdentity = i == 7,
    };

    private Task<ChainReport> VerifyAsync() => app.WithDbAsync(db => AccessLogChain.VerifyAsync(db));

    private Task<int> SqlAsync(string sql) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    [Fact]
    public async Task A_changed_or_missing_entry_is_reported_where_the_chain_breaks()
    {
        await app.Services.GetRequiredService<AccessLogWriter>().FlushAsync();
        var start = await app.WithDbAsync(async db => await db.AccessLog.MaxAsync(e => e.Sequence) ?? 0);
        // Two batches, as the writer seals them.
        await app.WithDbAsync(async db => { await AccessLogChain.SealAsync(db, Enumerable.Range(1, 6).Select(i => Entry(i, app.Clock.GetUtcNow())).ToList()); return 0; });
        await app.WithDbAsync(async db => { await AccessLogChain.SealAsync(db, Enumerable.Range(7, 6).Select(i => Entry(i, app.Clock.GetUtcNow())).ToList()); return 0; });

        var intact = await VerifyAsync();
        Assert.True(intact.Intact, intact.ToString());
        Assert.Equal(start + 12, intact.Entries);
        Assert.StartsWith("The access log is intact: ", intact.ToString());

        // One field of one entry changed with SQL: reported at that entry.
        var changed = start + 8;
        await SqlAsync($"UPDATE \"AccessLog\" SET \"Reason\" = 'Inget' WHERE \"Sequence\" = {changed}");
        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(ChainProblem.Changed, report.Problem);
        Assert.Equal(changed, report.Sequence);
        Assert.Contains($"sequence {changed}", report.ToString());

        // Changed back, it holds again; a flag flipped is as much a change.
        await SqlAsync($"UPDATE \"AccessLog\" SET \"Reason\" = NULL WHERE \"Sequence\" = {changed}");
        Assert.True((await VerifyAsync()).Intact);
        await SqlAsync($"UPDATE \"AccessLog\" SET \"ProtectedIdentity\" = {(JobbtorgAppFactory.OnPostgres ? "false" : "0")} WHERE \"Sequence\" = {start + 7}");
        Assert.Equal(start + 7, (await VerifyAsync()).Sequence);
        await SqlAsync($"UPDATE \"AccessLog\" SET \"ProtectedIdentity\" = {(JobbtorgAppFactory.OnPostgres ? "true" : "1")} WHERE \"Sequence\" = {start + 7}");
        Assert.True((await VerifyAsync()).Intact);

        // The oldest entries deleted, as retention does: the rest still verifies from its anchor.
        await SqlAsync($"DELETE FROM \"AccessLog\" WHERE \"Sequence\" <= {start + 2}");
        var trimmed = await VerifyAsync();
        Assert.True(trimmed.Intact, trimmed.ToString());
        Assert.Equal(10, trimmed.Entries);

        // An entry deleted in the middle: reported as missing at its place.
        await SqlAsync($"DELETE FROM \"AccessLog\" WHERE \"Sequence\" = {start + 5}");
        report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(ChainProblem.Missing, report.Problem);
        Assert.Equal(start + 5, report.Sequence);
        Assert.Contains("missing", report.ToString());
    }
}
