using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Matching;

/// <summary>A candidate for a vacancy: the case (with its person, for the name as the caller may see it) and the ranking.</summary>
public sealed record Candidate(Case Case, MatchResult Match);

/// <summary>A vacancy that fits a person, with the ranking of the person for it.</summary>
public sealed record FittingVacancy(Vacancy Vacancy, MatchResult Match);

/// <summary>
/// Finds the candidates for a vacancy among the enrolled cases the caller may propose (<see cref="Permission.ProposeCandidates"/>),
/// and the open vacancies that fit one person, ranked by <see cref="MatchRanking"/>. A case is enrolled and not paused; a person
/// already proposed for the vacancy is not a candidate again (the proposals list shows them).
/// </summary>
public sealed class MatchingWork(JobbtorgDb db, CaseAccess access, OccupationCatalogue occupations, TimeProvider clock)
{
    public const int MaxCandidates = 50;

    public async Task<List<Candidate>> CandidatesAsync(Vacancy vacancy, CancellationToken ct)
    {
        var cases = await access.VisibleCases(Permission.ProposeCandidates).Where(c => c.Status == CaseStatus.Enrolled)
            .Where(c => !db.Set<Proposal>().Any(p => p.VacancyId == vacancy.Id && p.CaseId == c.Id))
            .Include(c => c.Participant).AsNoTracking().ToListAsync(ct);
        var profiles = await ProfilesAsync(cases.Select(c => c.Id).ToList(), ct);
        var needs = VacancyNeeds.Of(vacancy);
        var ranked = profiles.Values.Select(p => MatchRanking.Rank(needs, p, Name)).OfType<MatchResult>();
        var byId = cases.ToDictionary(c => c.Id);
        return MatchRanking.Order(ranked, id => byId[id].EnrolmentDate).Take(MaxCandidates).Select(r => new Candidate(byId[r.CaseId], r)).ToList();
    }

    public async Task<List<FittingVacancy>> VacanciesForAsync(Case c, CancellationToken ct)
    {
        var today = clock.Today();
        var profile = (await ProfilesAsync([c.Id], ct)).GetValueOrDefault(c.Id);
        if (profile is null) return [];
        var open = await db.Set<Vacancy>().AsNoTracking().Include(v => v.Employer)
            .Where(v => v.Status == VacancyStatus.Open && v.LastDayToPropose >= today && v.PlacesHeld < v.Places)
            .Where(v => !db.Set<Proposal>().Any(p => p.VacancyId == v.Id && p.CaseId == c.Id))
            .ToListAsync(ct);
        return open.Select(v => (Vacancy: v, Match: MatchRanking.Rank(VacancyNeeds.Of(v), profile, Name)))
            .Where(x => x.Match is not null)
            .OrderBy(x => x.Match!.Unmet).ThenByDescending(x => x.Match!.Score).ThenBy(x => x.Vacancy.LastDayToPropose).ThenBy(x => x.Vacancy.Id)
            .Take(MaxCandidates).Select(x => new FittingVacancy(x.Vacancy, x.Match!)).ToList();
    }

    private string? Name(string code) => occupations.Find(code)?.Name;

    /// <summary>The profiles of the cases that may be candidates: a case holding a job (or about to start one) has none.</summary>
    private async Task<Dictionary<int, MatchProfile>> ProfilesAsync(List<int> caseIds, CancellationToken ct)
    {
        var today = clock.Today();
        var assessments = new List<(int CaseId, Availability? Availability, DateOnly? On, int Id, string Answers)>();
        var goals = new Dictionary<int, string>();
        var placements = new List<(int CaseId, PlacementKind Kind)>();
        // In chunks, so that a city's thousands of ids stay within a statement's parameters on both databases.
        foreach (var chunk in caseIds.Chunk(1000))
        {
            assessments.AddRange((await db.Set<Assessment>().AsNoTracking()
                    .Where(a => chunk.Contains(a.CaseId) && a.Status == AssessmentStatus.Signed)
                    .Select(a => new { a.CaseId, a.Availability, a.AssessedOn, a.Id, a.Answers }).ToListAsync(ct))
                .Select(a => (a.CaseId, a.Availability, a.AssessedOn, a.Id, a.Answers)));
            // The newest plan version with a goal: a draft under review may have moved the goal on.
            foreach (var g in (await db.PlanVersions.AsNoTracking().Where(p => chunk.Contains(p.CaseId) && p.GoalSsykCode != null)
                         .Select(p => new { p.CaseId, p.Number, p.GoalSsykCode }).ToListAsync(ct))
                         .GroupBy(p => p.CaseId).Select(g => g.MaxBy(p => p.Number)!))
                goals[g.CaseId] = g.GoalSsykCode!;
            placements.AddRange((await db.Placements.AsNoTracking()
                    .Where(p => chunk.Contains(p.CaseId) && (p.EndDate == null || p.EndDate >= today))
                    .Select(p => new { p.CaseId, p.Kind }).ToListAsync(ct))
                .Select(p => (p.CaseId, p.Kind)));
        }
        var holdingJob = placements.Where(p => Placement.Jobs.Contains(p.Kind)).Select(p => p.CaseId).ToHashSet();
        var inInternship = placements.Where(p => p.Kind == PlacementKind.Internship).Select(p => p.CaseId).ToHashSet();
        var byCase = assessments.ToLookup(a => a.CaseId);
        return caseIds.Where(id => !holdingJob.Contains(id)).ToDictionary(id => id, id =>
            MatchProfile.From(id,
                byCase[id].OrderByDescending(a => a.On).ThenByDescending(a => a.Id)
                    .Select(a => (a.Availability, (IReadOnlyDictionary<string, string>)Assessment.ReadAnswers(a.Answers))),
                goals.GetValueOrDefault(id)) with { InInternship = inInternship.Contains(id) });
    }
}
