using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Privacy;

/// <summary>Start page, for those who may produce a register extract: where to do it.</summary>
public sealed class RegisterExtractLinkViewComponent(CurrentUser user) : ViewComponent
{
    public IViewComponentResult Invoke() =>
        user.Holds(Permission.ProduceRegisterExtract) ? View("/Features/Privacy/_RegisterExtractLink.cshtml") : Content("");
}
