using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Matching;

/// <summary>A coach's request for a matcher's help: asked on the case page, taken and finished from the matcher's start page.</summary>
public sealed class HelpRequestWork(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock)
{
    public const string NoteField = "Note";

    public static FieldErrors Check(string? note)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(note)) errors.Refuse(NoteField, "Say what the matcher can help with, e.g. an internship in retail.");
        else if (note.Trim().Length > MatchingHelpRequest.NoteMaxLength) errors.Refuse(NoteField, "This may be at most {0} characters.", MatchingHelpRequest.NoteMaxLength);
        return errors;
    }

    /// <summary>Asks for help on an open case; a case has one request not done at a time.</summary>
    public async Task<FieldErrors> AskAsync(Case c, string? note, CancellationToken ct)
    {
        var errors = Check(note);
        if (errors.Count > 0) return errors;
        if (!c.IsOpen) throw new RuleBrokenException("The case is closed.");
        if (await db.Set<MatchingHelpRequest>().AnyAsync(h => h.CaseId == c.Id && h.Status != HelpRequestStatus.Done, ct))
            throw new RuleBrokenException("The matchers are already asked for help with this case.");
        db.Add(MatchingHelpRequest.Ask(c.Id, note!, user.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public Task<List<MatchingHelpRequest>> OfCaseAsync(int caseId, CancellationToken ct) =>
        db.Set<MatchingHelpRequest>().AsNoTracking().Where(h => h.CaseId == caseId).OrderByDescending(h => h.AskedAt).ToListAsync(ct);

    /// <summary>The requests not done on the cases the caller may propose for, the oldest first, with their cases.</summary>
    public async Task<List<(MatchingHelpRequest Request, Case Case)>> OpenAsync(CancellationToken ct)
    {
        var visible = access.VisibleCases(Permission.ProposeCandidates);
        var found = await db.Set<MatchingHelpRequest>().AsNoTracking().Where(h => h.Status != HelpRequestStatus.Done)
            .Join(visible.Include(c => c.Participant), h => h.CaseId, c => c.Id, (h, c) => new { h, c })
            .OrderBy(x => x.h.AskedAt).Take(100).ToListAsync(ct);
        return found.Select(x => (x.h, x.c)).ToList();
    }

    /// <summary>Takes the request (Take) or marks it done (Done); null when there is no such request within reach.</summary>
    public async Task<MatchingHelpRequest?> ChangeAsync(int id, bool done, CancellationToken ct)
    {
        var request = await db.Set<MatchingHelpRequest>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (request is null || !await access.VisibleCases(Permission.ProposeCandidates).AnyAsync(c => c.Id == request.CaseId, ct)) return null;
        if (done) request.Finish(clock.GetUtcNow());
        else request.Take(user.Name, user.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return request;
    }
}
