using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Employers;

public abstract record VacancyOutcome
{
    public sealed record Done(Vacancy Vacancy) : VacancyOutcome;
    public sealed record Invalid(FieldErrors Errors) : VacancyOutcome;
    public sealed record Refused(Message Message) : VacancyOutcome;
    public sealed record NotFound : VacancyOutcome;
}

/// <summary>What the vacancy list is narrowed to. <see cref="Occupation"/> is an SSYK code or the start of one (a major
/// group "5", a group "52"…); <see cref="Text"/> is looked for in the title, the place of work and the employer's name.</summary>
public sealed record VacancyFilter(VacancyStatus? Status = null, PlacementKind? Kind = null, string? Occupation = null,
    int? EmployerId = null, string? Text = null);

/// <summary>Vacancies: registering, listing, withdrawing and filling them, for the pages and the API alike.</summary>
public sealed class VacancyWork(JobbtorgDb db, VacancyRules rules, CurrentUser user, TimeProvider clock)
{
    public const int TextMaxLength = 100;
    public const int MaxResults = 200;

    private DbSet<Vacancy> Vacancies => db.Set<Vacancy>();

    /// <summary>Every problem of the filter, by the query parameter's name.</summary>
    public static FieldErrors Check(VacancyFilter filter)
    {
        var errors = new FieldErrors();
        if (filter.Occupation is { } o && (o.Trim().Length is 0 or > 4 || !o.Trim().All(char.IsAsciiDigit)))
            errors.Refuse("occupation", "Give an SSYK code or the start of one: one to four digits.");
        if (filter.Text is { Length: > TextMaxLength }) errors.Refuse("text", new Message("This may be at most {0} characters.", TextMaxLength));
        return errors;
    }

    public async Task<List<Vacancy>> ListAsync(VacancyFilter filter, CancellationToken ct)
    {
        IQueryable<Vacancy> found = Vacancies.AsNoTracking().Include(v => v.Employer);
        if (filter.Status is { } status) found = found.Where(v => v.Status == status);
        if (filter.Kind is { } kind) found = found.Where(v => v.Kind == kind);
        if (Employer.Tidy(filter.Occupation) is { } occupation) found = found.Where(v => v.OccupationCode.StartsWith(occupation));
        if (filter.EmployerId is { } employerId) found = found.Where(v => v.EmployerId == employerId);
        if (Employer.Tidy(filter.Text)?.ToLowerInvariant() is { } text)
            found = found.Where(v => v.SearchText.Contains(text) || v.Employer.SearchName.Contains(text));
        return await found.OrderBy(v => v.Status).ThenBy(v => v.LastDayToPropose).ThenBy(v => v.Id).Take(MaxResults).ToListAsync(ct);
    }

    public Task<Vacancy?> FindAsync(int id, CancellationToken ct) =>
        Vacancies.Include(v => v.Employer).FirstOrDefaultAsync(v => v.Id == id, ct);

    public async Task<VacancyOutcome> RegisterAsync(VacancyRequest request, CancellationToken ct)
    {
        var errors = rules.Check(request, clock.Today());
        if (request.EmployerId is { } employerId && !await db.Set<Employer>().AnyAsync(e => e.Id == employerId, ct))
            errors.Refuse(nameof(request.EmployerId), "There is no employer {0}.", employerId);
        if (errors.Count > 0) return new VacancyOutcome.Invalid(errors);
        var vacancy = Vacancy.Register(request, user.Name, clock.GetUtcNow());
        Vacancies.Add(vacancy);
        await db.SaveChangesAsync(ct);
        return new VacancyOutcome.Done((await FindAsync(vacancy.Id, ct))!);
    }

    public async Task<VacancyOutcome> WithdrawAsync(int id, WithdrawVacancyRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } vacancy) return new VacancyOutcome.NotFound();
        var errors = VacancyRules.Check(request);
        if (errors.Count > 0) return new VacancyOutcome.Invalid(errors);
        return await ChangeAsync(vacancy, v => v.Withdraw(request.Reason!, user.Name, clock.GetUtcNow()), ct);
    }

    public async Task<VacancyOutcome> MarkFilledAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } vacancy) return new VacancyOutcome.NotFound();
        return await ChangeAsync(vacancy, v => v.MarkFilled(user.Name, clock.GetUtcNow()), ct);
    }

    private async Task<VacancyOutcome> ChangeAsync(Vacancy vacancy, Action<Vacancy> change, CancellationToken ct)
    {
        try
        {
            change(vacancy);
        }
        catch (RuleBrokenException refused)
        {
            return new VacancyOutcome.Refused(new Message(refused.Template, refused.Args));
        }
        // A vacancy filled or withdrawn ends the proposals still under way for it, as not selected: the vacancy closed.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var by = user.Name;
        await db.Set<Matching.Proposal>().Where(p => p.VacancyId == vacancy.Id && Matching.Proposal.UnderWay.Contains(p.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, Matching.ProposalStatus.NotSelected)
                .SetProperty(p => p.NotSelectedReason, Matching.NotSelectedReason.VacancyClosed).SetProperty(p => p.OutcomeOn, today)
                .SetProperty(p => p.ChangedBy, by).SetProperty(p => p.ChangedAt, now).SetProperty(p => p.Version, p => p.Version + 1), ct);
        await transaction.CommitAsync(ct);
        return new VacancyOutcome.Done(vacancy);
    }
}
