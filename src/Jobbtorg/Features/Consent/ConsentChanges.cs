using System.ComponentModel.DataAnnotations;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Consent;

/// <summary>A change of consent: given (<c>given</c> true) or withdrawn (false) on <c>date</c>, the day the person did it.</summary>
[CheckedByUseCase]
public sealed class ConsentRequest
{
    [ApiRequired, Required(ErrorMessage = "Choose whether consent was given or withdrawn.")]
    public bool? Given { get; init; }

    [ApiRequired, Required(ErrorMessage = "Enter the date the person gave or withdrew consent.")]
    public DateOnly? Date { get; init; }
}

/// <summary>One change of consent as the API gives it.</summary>
public sealed record ConsentRecordDto(bool Given, DateOnly Date, string RecordedBy, DateTimeOffset RecordedAt, ConsentSource Source)
{
    public static ConsentRecordDto From(ConsentRecord r) => new(r.Given, r.Date, r.RecordedBy, r.RecordedAt.ToStockholm(), r.Source);
}

/// <summary>The case's consent: whether it stands now, the day of the latest change, and every change, newest first.</summary>
public sealed record ConsentDto(int CaseId, string CaseRef, bool Given, DateOnly? Date, List<ConsentRecordDto> History)
{
    public static ConsentDto From(Case c) => new(c.Id, c.CaseRef, c.ConsentGiven, c.ConsentDate,
        c.ConsentHistory.Reverse().Select(ConsentRecordDto.From).ToList());
}

public abstract record ConsentOutcome
{
    public sealed record Recorded(Case Case) : ConsentOutcome;
    public sealed record NotFound : ConsentOutcome;
    public sealed record Forbidden : ConsentOutcome;
    public sealed record Invalid(FieldErrors Errors) : ConsentOutcome;
}

/// <summary>
/// Records that the person gave or withdrew consent (see <see cref="Case.RecordConsent"/>), for the case page and the API
/// alike. Nothing is sent to the district: from now on its messages carry details or not by the new state (a message
/// already waiting is stripped of its details when it is sent, see <see cref="DistrictMessages.OutboxDispatcher"/>), and
/// the district's case worker reads the plan only while consent stands.
/// </summary>
public sealed class ConsentChanges(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock)
{
    /// <summary>The case within the caller's reach with its consent history; null when it is not.</summary>
    public Task<Case?> FindAsync(int caseId, CancellationToken ct) =>
        access.VisibleCases().Include(c => c.District).Include(c => c.Participant).Include(c => c.Consents)
            .FirstOrDefaultAsync(c => c.Id == caseId, ct);

    public async Task<ConsentOutcome> RecordAsync(int caseId, ConsentRequest request, ConsentSource source, CancellationToken ct)
    {
        var c = await access.VisibleCases().AsTracking().Include(x => x.District).Include(x => x.Participant).Include(x => x.Consents)
            .FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new ConsentOutcome.NotFound();
        if (!access.Can(Permission.RecordConsent, c)) return new ConsentOutcome.Forbidden();
        var today = clock.Today();
        var errors = RequestRules.Check(request);
        if (errors.Count == 0) errors = c.ConsentChangeProblems(request.Given!.Value, request.Date!.Value, today);
        if (errors.Count > 0) return new ConsentOutcome.Invalid(errors);

        c.RecordConsent(request.Given!.Value, request.Date!.Value, user.Name, clock.GetUtcNow(), source, today);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConsentOutcome.Invalid(new FieldErrors().Refuse("", "Someone else changed the case at the same time. Reload and try again."));
        }
        return new ConsentOutcome.Recorded(c);
    }
}
