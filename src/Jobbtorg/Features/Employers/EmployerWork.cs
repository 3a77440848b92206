using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Employers;

/// <summary>What registering an employer, or changing its contact people, came to.</summary>
public abstract record EmployerOutcome
{
    /// <summary>Registered now (<see cref="Created"/>) or found: the organisation number and unit were there already.</summary>
    public sealed record Done(Employer Employer, bool Created) : EmployerOutcome;
    public sealed record Invalid(FieldErrors Errors) : EmployerOutcome;
    public sealed record NotFound : EmployerOutcome;
}

/// <summary>The placements recorded at an organisation number, counted by kind: no names of people.</summary>
public sealed record PlacementCount(PlacementKind Kind, int Count);

/// <summary>Employers and their contact people, for the pages and the API alike.</summary>
public sealed class EmployerWork(JobbtorgDb db, CurrentUser user, TimeProvider clock)
{
    public const int SearchMaxLength = 100;
    public const int MaxResults = 100;

    private DbSet<Employer> Employers => db.Set<Employer>();

    /// <summary>Employers whose name or unit holds the text, or whose organisation number begins with the digits given
    /// (with or without the hyphen); every employer, by name, when nothing is asked.</summary>
    public async Task<List<Employer>> SearchAsync(string? query, CancellationToken ct)
    {
        var q = Employer.Tidy(query);
        IQueryable<Employer> found = Employers.AsNoTracking();
        if (q is not null)
        {
            var digits = q.Replace("-", "");
            found = digits.Length > 0 && digits.All(char.IsAsciiDigit)
                ? found.Where(e => e.OrganisationNumber.StartsWith(digits))
                : found.Where(e => e.SearchName.Contains(q.ToLowerInvariant()));
        }
        return await found.OrderBy(e => e.Name).ThenBy(e => e.UnitKey).Take(MaxResults).ToListAsync(ct);
    }

    public Task<Employer?> FindAsync(int id, CancellationToken ct) =>
        Employers.Include(e => e.Contacts).FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>Registers the employer, or finds the one with the same organisation number and unit: an employer is
    /// never there twice, also when two register it at the same moment.</summary>
    public async Task<EmployerOutcome> RegisterAsync(EmployerRequest request, CancellationToken ct)
    {
        var errors = EmployerRules.Check(request);
        if (errors.Count > 0) return new EmployerOutcome.Invalid(errors);
        OrganisationNumber.TryParse(request.OrganisationNumber, out var number, out _);
        var unitKey = Employer.KeyOf(request.Unit);
        if (await FindExistingAsync(number.Value, unitKey, ct) is { } existing) return new EmployerOutcome.Done(existing, false);
        var employer = Employer.Register(request, user.Name, clock.GetUtcNow());
        Employers.Add(employer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Registered by someone else in the meantime: the unique index kept one, which is the answer.
            db.Entry(employer).State = EntityState.Detached;
            if (await FindExistingAsync(number.Value, unitKey, ct) is { } raced) return new EmployerOutcome.Done(raced, false);
            throw;
        }
        return new EmployerOutcome.Done(employer, true);
    }

    private Task<Employer?> FindExistingAsync(string organisationNumber, string unitKey, CancellationToken ct) =>
        Employers.Include(e => e.Contacts).FirstOrDefaultAsync(e => e.OrganisationNumber == organisationNumber && e.UnitKey == unitKey, ct);

    public async Task<EmployerOutcome> AddContactAsync(int employerId, ContactRequest request, CancellationToken ct)
    {
        if (await FindAsync(employerId, ct) is not { } employer) return new EmployerOutcome.NotFound();
        var errors = EmployerRules.Check(request);
        if (errors.Count > 0) return new EmployerOutcome.Invalid(errors);
        employer.Contacts.Add(EmployerContact.For(employer.Id, request));
        await db.SaveChangesAsync(ct);
        return new EmployerOutcome.Done(employer, true);
    }

    public async Task<EmployerOutcome> EditContactAsync(int employerId, int contactId, ContactRequest request, CancellationToken ct)
    {
        if (await FindAsync(employerId, ct) is not { } employer || employer.Contacts.FirstOrDefault(c => c.Id == contactId) is not { } contact)
            return new EmployerOutcome.NotFound();
        var errors = EmployerRules.Check(request);
        if (errors.Count > 0) return new EmployerOutcome.Invalid(errors);
        contact.Edit(request);
        await db.SaveChangesAsync(ct);
        return new EmployerOutcome.Done(employer, false);
    }

    public async Task<EmployerOutcome> RemoveContactAsync(int employerId, int contactId, CancellationToken ct)
    {
        if (await FindAsync(employerId, ct) is not { } employer || employer.Contacts.FirstOrDefault(c => c.Id == contactId) is not { } contact)
            return new EmployerOutcome.NotFound();
        employer.Contacts.Remove(contact);
        db.Remove(contact);
        await db.SaveChangesAsync(ct);
        return new EmployerOutcome.Done(employer, false);
    }

    /// <summary>The placements recorded at the organisation number (every unit of it: a placement names no unit), by kind.</summary>
    /// <summary>The proposals for the employer's vacancies by where they stand (under way, hired, not selected…); no one named.</summary>
    public async Task<List<(Matching.ProposalStatus Status, int Count)>> ProposalCountsAsync(int employerId, CancellationToken ct) =>
        (await db.Set<Matching.Proposal>().AsNoTracking().Where(p => p.Vacancy.EmployerId == employerId).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key, x.Count)).OrderBy(x => x.Key).ToList();

    public async Task<List<PlacementCount>> PlacementCountsAsync(string organisationNumber, CancellationToken ct)
    {
        var counts = await db.Placements.AsNoTracking().Where(p => p.EmployerOrganisationNumber == organisationNumber)
            .GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.Select(c => new PlacementCount(c.Key, c.Count)).OrderBy(c => c.Kind).ToList();
    }
}
