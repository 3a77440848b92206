using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Referrals;

/// <summary>Start page, for a district's referrers: the district's open cases and those closed in the last 90 days, with
/// the way to a new referral.</summary>
public sealed class DistrictReferralsViewComponent(CaseAccess access, CurrentUser user, TimeProvider clock) : ViewComponent
{
    public const int ClosedDays = 90;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.Refer) || user.DistrictId is null) return Content("");
        var since = clock.Today().AddDays(-ClosedDays);
        var cases = await access.VisibleCases().Include(c => c.Participant).Include(c => c.District).Include(c => c.JobCentre).Include(c => c.Coach)
            .Include(c => c.Plans).Where(c => c.Status != CaseStatus.Closed || c.ClosureDate >= since)
            .OrderByDescending(c => c.ReferralDate).Take(300).AsSplitQuery().ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Referrals/_DistrictReferrals.cshtml", cases);
    }
}
