// Everything of the VST3 ABI that Sideman declares.
#pragma once
#include "base.h"
#include "ibstream.h"
#include "ipluginbase.h"
#include "ivstaudioprocessor.h"
#include "ivstcomponent.h"
#include "ivsteditcontroller.h"
#include "ivstevents.h"
#include "ivsthostapplication.h"
#include "ivstmessage.h"
#include "ivstparameterchanges.h"
#include "iplugview.h"
#include "vsttypes.h"
