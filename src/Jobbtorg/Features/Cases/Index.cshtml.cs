using System.ComponentModel.DataAnnotations;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

[RequirePermission(Permission.ListCases)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class IndexModel(CaseAccess access, TimeProvider clock, ProtectedIdentity.PersonShown shown) : PageModel
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 100;

    /// <summary>A name or a personal number; longer than any name, it is refused before it reaches the database.</summary>
    [BindProperty(SupportsGet = true)]
    [StringLength(MaxSearchLength, ErrorMessage = "The search may be at most {1} characters.")]
    public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public List<Case> Cases { get; private set; } = [];
    public int Total { get; private set; }
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync()
    {
        var query = (await access.VisibleCasesAsync(HttpContext.RequestAborted)).AsNoTracking()
            .Include(c => c.Participant).Include(c => c.District).Include(c => c.JobCentre).Include(c => c.Coach).AsQueryable();
        if (Status is { } status) query = query.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= MaxSearchLength)
        {
            var q = Q.Trim();
            // A protected person is found by name or number only by those who see them.
            query = shown.Findable(query);
            // A personal number is matched exactly; anything else searches names.
            if (PersonalNumber.TryParse(q, clock.Today(), out var pn, out _))
                query = query.Where(c => c.Participant.PersonalNumber == pn.Value);
            else
            {
                var pattern = $"%{q.ToLower()}%";
                query = query.Where(c => EF.Functions.Like((c.Participant.FirstName + " " + c.Participant.LastName).ToLower(), pattern));
            }
        }
        Total = await query.CountAsync();
        PageNumber = Math.Max(1, PageNumber);
        Cases = await query.OrderByDescending(c => c.ReferralDate).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }
}
