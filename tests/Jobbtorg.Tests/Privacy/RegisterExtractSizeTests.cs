using System.Data.Common;
using System.Net;
using Jobbtorg.Data;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Privacy;
using Jobbtorg.Tests.Builders;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Privacy;

/// <summary>A person with years of data still gets the extract: the number of database queries does not grow with the
/// number of rows, and the page shows them all.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class RegisterExtractSizeTests(JobbtorgAppFactory app)
{
    private const int Days = 1500, Notes = 400, Reads = 1000;

    private sealed class QueryCounter : DbCommandInterceptor
    {
        public int Queries;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Queries);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    /// <summary>The extract built on a context of the app's own kind that counts the queries it sends.</summary>
    private async Task<(RegisterExtract Extract, int Queries)> BuildCountedAsync(string personalNumber)
    {
        using var scope = app.Services.CreateScope();
        var counter = new QueryCounter();
        var services = scope.ServiceProvider;
        JobbtorgDb db = services.GetRequiredService<JobbtorgDb>() is SqliteJobbtorgDb
            ? new SqliteJobbtorgDb(new DbContextOptionsBuilder<SqliteJobbtorgDb>(services.GetRequiredService<DbContextOptions<SqliteJobbtorgDb>>())
                .AddInterceptors(counter).Options)
            : new PostgresJobbtorgDb(new DbContextOptionsBuilder<PostgresJobbtorgDb>(services.GetRequiredService<DbContextOptions<PostgresJobbtorgDb>>())
                .AddInterceptors(counter).Options);
        await using (db)
        {
            var builder = new RegisterExtractBuilder(db, app.Clock, new Jobbtorg.Features.AccessLog.AccessLogContext());
            var extract = await builder.BuildAsync(personalNumber, CancellationToken.None);
            return (extract!, counter.Queries);
        }
    }

    [Fact]
    public async Task Years_of_data_take_as_many_queries_as_a_few_rows_and_all_of_it_is_shown()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = app.Clock.GetUtcNow();
        var (small, large) = await app.WithDbAsync(async db => (
            await PersonDataBuilder.FillEveryKindAsync(db, coach.Id, TestPeople.Adult(app.Today), "Liten" + tag, now),
            await PersonDataBuilder.FillEveryKindAsync(db, coach.Id, TestPeople.Adult(app.Today), "Stor" + tag, now)));
        await app.WithDbAsync(async db =>
        {
            var open = await db.Cases.Where(c => c.CaseRef == large.OpenCaseRef).Select(c => c.Id).SingleAsync();
            var activity = await db.ActivityTypes.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            db.AttendanceDays.AddRange(Enumerable.Range(40, Days).Select(i => new AttendanceDay
            {
                CaseId = open, Date = app.Today.AddDays(-i), Status = AttendanceStatus.Present, ActivityTypeId = activity, RecordedBy = "Kim Coach",
            }));
            db.JournalEntries.AddRange(Enumerable.Range(1, Notes).Select(i => new JournalEntry
            {
                CaseId = open, EventDate = app.Today.AddDays(-i), Text = $"Anteckning {i}", AuthorId = coach.Id, AuthorName = "Kim Coach", WrittenAt = now.AddDays(-i),
            }));
            db.AccessLog.AddRange(Enumerable.Range(1, Reads).Select(i => new AccessLogEntry
            {
                At = now.AddMinutes(-i), PrincipalKind = PrincipalKind.User, Principal = "Kim Coach", ParticipantId = large.ParticipantId, CaseRef = large.OpenCaseRef,
                Kind = AccessKind.Read, Action = "GET /Cases/Details", Path = "/Cases/Details",
            }));
            return await db.SaveChangesAsync();
        });

        var (few, fewQueries) = await BuildCountedAsync(small.PersonalNumber);
        var (many, manyQueries) = await BuildCountedAsync(large.PersonalNumber);
        Assert.Single(few.Attendance);
        Assert.Equal(Days + 1, many.Attendance.Count);
        Assert.Equal(Notes + 2, many.Journal.Count);
        Assert.Equal(Reads + 1, many.AccessLog.Count);
        Assert.Equal(fewQueries, manyQueries);
        Assert.True(manyQueries <= 25, $"{manyQueries} queries");

        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        using var page = await admin.SubmitFormAsync("/Privacy/Extract", new() { ["PersonalNumber"] = large.PersonalNumber });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Närvaro <span class=\"count\">({Days + 1} uppgifter)</span>", html);
        Assert.Contains($"Anteckning {Notes}<", html);
    }
}
