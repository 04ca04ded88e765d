/*
 * A stand-in for Windows' bcryptprimitives.dll, for the Windows tests under
 * wine 8.0 only (scripts/wintest copies it into the test's own wine prefix;
 * it is never shipped). Go 1.22 and newer take their random numbers from
 * ProcessPrng, which wine 8.0 lacks; RtlGenRandom (advapi32's
 * SystemFunction036) gives the same thing.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x7fffffff ? 0x7fffffff : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
