using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Consent;

/// <param name="ConsentAsked">The district has been sent a message without details (<c>consentRequired</c>) and consent
/// is still missing.</param>
public sealed record CaseConsentView(Case Case, IReadOnlyList<ConsentRecord> History, bool MayRecord, bool ConsentAsked);

/// <summary>On the case page: whether consent stands, a prominent notice while the district has been asked to obtain it,
/// the history of changes (newest first) and the way to record one.</summary>
public sealed class CaseConsentViewComponent(JobbtorgDb db, CaseAccess access, CaseRows rows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        var ct = HttpContext.RequestAborted;
        await rows.LoadAsync(db.Entry(@case).Collection(c => c.Consents), ct);
        var asked = !@case.ConsentGiven && await rows.AnyAsync<DistrictMessages.DistrictMessage>(@case.Id, ct)
                    && await db.DistrictMessages.AnyAsync(m => m.CaseId == @case.Id && !m.HasDetails, ct);
        return View("/Features/Consent/_CaseConsent.cshtml",
            new CaseConsentView(@case, @case.ConsentHistory.Reverse().ToList(), access.Can(Permission.RecordConsent, @case), asked));
    }
}
