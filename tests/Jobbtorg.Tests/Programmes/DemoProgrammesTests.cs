using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Programmes;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Programmes;

/// <summary>The demo programmes keep the seed's figures (Stockholm's labour-market administration, 2023): the leaving-crime
/// team's 80 people in 2022–2023, 41 closed by October 2023, 32 of them to work or studies, at 2.15 mnkr for 2023; Welcome
/// House at 25 mnkr in 2022 of which 4.6 mnkr external funding.</summary>
[Trait("Category", "Http")]
public sealed class DemoProgrammesTests : IAsyncLifetime
{
    private readonly JobbtorgAppFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_leaving_crime_report_of_2022_and_2023_gives_the_seeds_figures_and_is_seeded_once()
    {
        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();

        var programme = await app.WithDbAsync(db => db.Set<Programme>().Include(p => p.Years).SingleAsync(p => p.Name == DemoDataProgrammes.LeavingCrime));
        Assert.Equal(ProgrammeKind.LeavingCrime, programme.Kind);
        var facts = await app.WithDbAsync(db => db.Set<ProgrammeMembership>().Where(m => m.ProgrammeId == programme.Id)
            .Select(m => new MembershipFact(m.ProgrammeId, m.CaseId, m.JoinedOn, m.LeftOn, m.TakenInByProgramme, m.Case.ClosureDate, m.Case.ClosureReason))
            .ToListAsync());
        var both = ProgrammeReport.Count(facts, new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31));
        Assert.Equal(80, both.Participants);
        Assert.Equal(41, both.Closed);
        Assert.Equal(32, both.ClosedToWorkOrStudies);
        // Up to and including October 2023, as the seed counts: the same.
        Assert.Equal(41, ProgrammeReport.Count(facts, new DateOnly(2022, 1, 1), new DateOnly(2023, 10, 31)).Closed);
        Assert.InRange(both.TakenInWithoutReferral, 1, 79);

        // The report of each year through the API: the closures of 2022 and 2023 add up, and 2023 costs 2.15 mnkr.
        var reports = app.ApiClient(JobbtorgAppFactory.RobotKey);
        async Task<JsonElement> RowAsync(int year, string name)
        {
            var report = await reports.GetFromJsonAsync<JsonElement>($"/api/programmes/report?year={year}");
            return report.GetProperty("programmes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
        }
        var y2022 = await RowAsync(2022, DemoDataProgrammes.LeavingCrime);
        var y2023 = await RowAsync(2023, DemoDataProgrammes.LeavingCrime);
        Assert.Equal(41, y2022.GetProperty("closed").GetInt32() + y2023.GetProperty("closed").GetInt32());
        Assert.Equal(32, y2022.GetProperty("closedToWorkOrStudies").GetInt32() + y2023.GetProperty("closedToWorkOrStudies").GetInt32());
        Assert.Equal(2_150_000, y2023.GetProperty("cost").GetInt64());
        Assert.Equal(80, y2022.GetProperty("participants").GetInt32() + y2023.GetProperty("participants").GetInt32()
                         - facts.Count(f => f.JoinedOn.Year == 2022 && (f.EndsOn is null || f.EndsOn.Value.Year >= 2023)));

        var welcome = await RowAsync(2022, DemoDataProgrammes.WelcomeHouse);
        Assert.Equal(25_000_000, welcome.GetProperty("cost").GetInt64());
        Assert.Equal(4_600_000, welcome.GetProperty("externalFunding").GetInt64());

        // Seeded once, every person once, only official test numbers, every case a demo case that keeps the rules.
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Programme>().CountAsync()));
        Assert.Equal(80, facts.Select(f => f.CaseId).Distinct().Count());
        Assert.All(facts, f => Assert.True(f.JoinedOn <= (f.EndsOn ?? DateOnly.MaxValue)));
        var numbers = await app.WithDbAsync(db => db.Set<ProgrammeMembership>().Where(m => m.ProgrammeId == programme.Id)
            .Select(m => m.Case.Participant.PersonalNumber).ToListAsync());
        Assert.Equal(80, numbers.Distinct().Count());
        var official = TestData.Read<string[]>("personnummer", "all-test-personal-numbers.json").ToHashSet();
        Assert.All(numbers, n => Assert.Contains(n, official));
    }
}
