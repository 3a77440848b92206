using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features;

/// <summary>"My work": the features' start-page sections. Whoever starts elsewhere (a log reviewer) is sent there.</summary>
[AccessLog.ShowsPersonalData]
public class MyWorkModel : PageModel
{
    public IActionResult OnGet()
    {
        var start = AccessRules.StartPageOf(AccessPrincipal.From(User));
        return start == StartPage.MyWork ? Page() : Redirect(start.Path);
    }
}
